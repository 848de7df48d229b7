ALTER TABLE "access_log" ADD COLUMN "caller_kind" text NOT NULL;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "caller_id" text NOT NULL;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "caller_label" text NOT NULL;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "as_of" date;--> statement-breakpoint
CREATE INDEX "access_log_caller_idx" ON "access_log" USING btree ("caller_id","at");--> statement-breakpoint
ALTER TABLE "access_log" DROP COLUMN "user_id";