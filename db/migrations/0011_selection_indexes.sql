DROP INDEX "loans_instance_loaned_idx";--> statement-breakpoint
CREATE INDEX "roles_membership_instance_idx" ON "roles" USING btree ("instance_id","actor_id","end_date") WHERE "roles"."type" in ('ABON','EDUV');--> statement-breakpoint
CREATE INDEX "loans_instance_loaned_idx" ON "loans" USING btree ("instance_id","loaned_on","actor_id");