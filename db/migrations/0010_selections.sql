ALTER TABLE "access_log" ADD COLUMN "export_details" jsonb;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "instance_id" integer;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "instance_id" integer;--> statement-breakpoint
CREATE INDEX "loans_instance_loaned_idx" ON "loans" USING btree ("instance_id","loaned_on");