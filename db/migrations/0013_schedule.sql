CREATE TABLE "retention_dirty" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "retention_dirty_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_plan_totals" (
	"day" date NOT NULL,
	"category" smallint NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "retention_plan_totals_day_category_pk" PRIMARY KEY("day","category")
);
--> statement-breakpoint
CREATE TABLE "retention_schedule" (
	"actor_id" bigint PRIMARY KEY NOT NULL,
	"planned_for" date NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"next_on" date,
	"removal_on" date,
	"on_request" boolean DEFAULT false NOT NULL,
	"days" date[] NOT NULL,
	"categories" smallint[] NOT NULL,
	"counts" integer[] NOT NULL,
	"kept_from" date,
	"kept_codes" smallint[] NOT NULL,
	"kept_untils" date[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cleanup_state" ADD COLUMN "plan_rebuild_after" bigint DEFAULT 0;--> statement-breakpoint
ALTER TABLE "cleanup_state" ADD COLUMN "plan_settings" jsonb;--> statement-breakpoint
ALTER TABLE "cleanup_state" ADD COLUMN "plan_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cleanup_state" ADD COLUMN "plan_built_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cleanup_state" ADD COLUMN "plan_latest" date;--> statement-breakpoint
ALTER TABLE "cleanup_state" ADD COLUMN "forecast" jsonb;--> statement-breakpoint
ALTER TABLE "cleanup_state" ADD COLUMN "forecast_counted_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "retention_schedule_next_idx" ON "retention_schedule" USING btree ("next_on");--> statement-breakpoint
CREATE INDEX "retention_schedule_valid_to_idx" ON "retention_schedule" USING btree ("valid_to") WHERE "retention_schedule"."valid_to" is not null;