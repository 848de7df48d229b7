CREATE TABLE "actors" (
	"id" bigint PRIMARY KEY NOT NULL,
	"registered_on" date NOT NULL,
	"loan_history_opt_in" boolean DEFAULT true NOT NULL,
	"cancellation_date" date,
	"name" text,
	"street" text,
	"postal_code" text,
	"city" text,
	"district" text,
	"email" text,
	"phone" text,
	CONSTRAINT "actors_id_positive" CHECK ("actors"."id" > 0)
);
--> statement-breakpoint
CREATE TABLE "blocks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "blocks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint NOT NULL,
	"type" text NOT NULL,
	"created_on" date
);
--> statement-breakpoint
CREATE TABLE "credentials" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "credentials_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint NOT NULL,
	"username" text NOT NULL,
	"sip_port" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instances" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "other_roles" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "other_roles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "other_roles_kind_known" CHECK ("other_roles"."kind" in ('staff','supplier','external_supplier','location','external','external_branch','personnel'))
);
--> statement-breakpoint
CREATE TABLE "roles" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "roles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint NOT NULL,
	"instance_id" integer NOT NULL,
	"type" text NOT NULL,
	"subtype" text,
	"status" integer NOT NULL,
	"start_date" date,
	"end_date" date,
	"deregistration_date" date
);
--> statement-breakpoint
CREATE TABLE "financial_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "financial_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"booked_on" date NOT NULL,
	"amount_cents" integer NOT NULL,
	"settled" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loans" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "loans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint,
	"instance_id" integer NOT NULL,
	"item_id" text NOT NULL,
	"loaned_on" date NOT NULL,
	"returned_on" date,
	"anonymized_on" date,
	"membership_type" text,
	"district" text,
	"postal_code4" text,
	CONSTRAINT "loans_anonymized_has_no_actor" CHECK (("loans"."anonymized_on" is null) = ("loans"."actor_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "account_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "account_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint NOT NULL,
	"record_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asset_profiles" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "asset_profiles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint NOT NULL,
	"record_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collection_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "collection_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint NOT NULL,
	"record_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collections_agency" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "collections_agency_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint NOT NULL,
	"record_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "customer_notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint NOT NULL,
	"record_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint NOT NULL,
	"record_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "holds" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "holds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint NOT NULL,
	"record_date" date NOT NULL,
	"is_open" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instance_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "instance_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint NOT NULL,
	"record_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ksm" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ksm_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint NOT NULL,
	"record_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketing" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "marketing_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint NOT NULL,
	"record_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relationships" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "relationships_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint NOT NULL,
	"record_date" date NOT NULL,
	"related_actor_id" bigint
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tickets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint NOT NULL,
	"record_date" date NOT NULL,
	"is_open" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "titles_previously_borrowed" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "titles_previously_borrowed_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint NOT NULL,
	"record_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "to_inform" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "to_inform_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint NOT NULL,
	"record_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"name" text PRIMARY KEY NOT NULL,
	"value" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text DEFAULT 'system' NOT NULL,
	CONSTRAINT "settings_value_range" CHECK ("settings"."value" >= 0 and "settings"."value" <= 36500)
);
--> statement-breakpoint
CREATE TABLE "settings_audit" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "settings_audit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" text NOT NULL,
	"setting" text NOT NULL,
	"old_value" integer,
	"new_value" integer NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "system_options" (
	"code" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cleanup_daily_counts" (
	"day" date NOT NULL,
	"category" text NOT NULL,
	"deleted" bigint DEFAULT 0 NOT NULL,
	"anonymized" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "cleanup_daily_counts_day_category_pk" PRIMARY KEY("day","category")
);
--> statement-breakpoint
CREATE TABLE "cleanup_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trigger" text NOT NULL,
	"as_of" date NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"stop_reason" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"settings" jsonb NOT NULL,
	"actors_examined" integer DEFAULT 0 NOT NULL,
	"actors_removed" integer DEFAULT 0 NOT NULL,
	"actors_locked" integer DEFAULT 0 NOT NULL,
	"records_processed" bigint DEFAULT 0 NOT NULL,
	"records" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"skipped" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"batches" integer DEFAULT 0 NOT NULL,
	"errors" integer DEFAULT 0 NOT NULL,
	"error_details" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "cleanup_runs_status" CHECK ("cleanup_runs"."status" in ('running','completed','partial','failed','interrupted','tripped'))
);
--> statement-breakpoint
CREATE TABLE "cleanup_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"paused_at" timestamp with time zone,
	"paused_by" text,
	"position" bigint DEFAULT 0 NOT NULL,
	"backlog" jsonb,
	"backlog_as_of" date,
	"backlog_counted_at" timestamp with time zone,
	CONSTRAINT "cleanup_state_singleton" CHECK ("cleanup_state"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "access_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "access_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" text NOT NULL,
	"actor_id" bigint,
	"via" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "other_roles" ADD CONSTRAINT "other_roles_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_items" ADD CONSTRAINT "financial_items_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_changes" ADD CONSTRAINT "account_changes_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_profiles" ADD CONSTRAINT "asset_profiles_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_records" ADD CONSTRAINT "collection_records_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collections_agency" ADD CONSTRAINT "collections_agency_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_notifications" ADD CONSTRAINT "customer_notifications_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holds" ADD CONSTRAINT "holds_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instance_history" ADD CONSTRAINT "instance_history_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ksm" ADD CONSTRAINT "ksm_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing" ADD CONSTRAINT "marketing_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "titles_previously_borrowed" ADD CONSTRAINT "titles_previously_borrowed_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "to_inform" ADD CONSTRAINT "to_inform_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "blocks_actor_idx" ON "blocks" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "credentials_actor_idx" ON "credentials" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "other_roles_actor_idx" ON "other_roles" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "roles_actor_idx" ON "roles" USING btree ("actor_id","type");--> statement-breakpoint
CREATE INDEX "financial_items_actor_idx" ON "financial_items" USING btree ("actor_id","booked_on");--> statement-breakpoint
CREATE INDEX "loans_actor_idx" ON "loans" USING btree ("actor_id","returned_on") WHERE "loans"."actor_id" is not null;--> statement-breakpoint
CREATE INDEX "account_changes_actor_idx" ON "account_changes" USING btree ("actor_id","record_date");--> statement-breakpoint
CREATE INDEX "asset_profiles_actor_idx" ON "asset_profiles" USING btree ("actor_id","record_date");--> statement-breakpoint
CREATE INDEX "collection_records_actor_idx" ON "collection_records" USING btree ("actor_id","record_date");--> statement-breakpoint
CREATE INDEX "collections_agency_actor_idx" ON "collections_agency" USING btree ("actor_id","record_date");--> statement-breakpoint
CREATE INDEX "customer_notifications_actor_idx" ON "customer_notifications" USING btree ("actor_id","record_date");--> statement-breakpoint
CREATE INDEX "documents_actor_idx" ON "documents" USING btree ("actor_id","record_date");--> statement-breakpoint
CREATE INDEX "holds_actor_idx" ON "holds" USING btree ("actor_id","record_date");--> statement-breakpoint
CREATE INDEX "instance_history_actor_idx" ON "instance_history" USING btree ("actor_id","record_date");--> statement-breakpoint
CREATE INDEX "ksm_actor_idx" ON "ksm" USING btree ("actor_id","record_date");--> statement-breakpoint
CREATE INDEX "marketing_actor_idx" ON "marketing" USING btree ("actor_id","record_date");--> statement-breakpoint
CREATE INDEX "relationships_actor_idx" ON "relationships" USING btree ("actor_id","record_date");--> statement-breakpoint
CREATE INDEX "relationships_related_idx" ON "relationships" USING btree ("related_actor_id");--> statement-breakpoint
CREATE INDEX "tickets_actor_idx" ON "tickets" USING btree ("actor_id","record_date");--> statement-breakpoint
CREATE INDEX "titles_previously_borrowed_actor_idx" ON "titles_previously_borrowed" USING btree ("actor_id","record_date");--> statement-breakpoint
CREATE INDEX "to_inform_actor_idx" ON "to_inform" USING btree ("actor_id","record_date");--> statement-breakpoint
CREATE INDEX "cleanup_runs_started_idx" ON "cleanup_runs" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "access_log_actor_idx" ON "access_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "access_log_at_idx" ON "access_log" USING btree ("at");