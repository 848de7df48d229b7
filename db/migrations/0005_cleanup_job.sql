ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_target_type";--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action_known";--> statement-breakpoint
ALTER TABLE "cleanup_state" ADD COLUMN "breaker_max_actors" integer DEFAULT 1000 NOT NULL;--> statement-breakpoint
ALTER TABLE "cleanup_state" ADD COLUMN "breaker_max_share" double precision DEFAULT 0.01 NOT NULL;--> statement-breakpoint
ALTER TABLE "cleanup_state" ADD COLUMN "tripped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cleanup_state" ADD COLUMN "trip" jsonb;--> statement-breakpoint
ALTER TABLE "cleanup_state" ADD COLUMN "approved_actors_left" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cleanup_state" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cleanup_state" ADD COLUMN "approved_by" text;--> statement-breakpoint
ALTER TABLE "cleanup_state" ADD COLUMN "schedule_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cleanup_state" ADD CONSTRAINT "cleanup_state_breaker" CHECK ("cleanup_state"."breaker_max_actors" >= 0 and "cleanup_state"."breaker_max_share" >= 0 and "cleanup_state"."breaker_max_share" <= 1);--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_target_type" CHECK ("audit_log"."target_type" in ('user','token','job'));--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action_known" CHECK ("audit_log"."action" in ('user.create','user.role_change','user.disable','user.enable','user.password_reset','user.password_change','token.create','token.revoke','cleanup.pause','cleanup.resume','cleanup.acknowledge'));