-- The retention schedule's upkeep (lib/cleanup/README.md).
--
-- ANALYZE skips the plan's arrays: they are most of a row, no query filters or estimates on them,
-- and sampling them was 85 % of the analyze a run makes after changing many plans.
ALTER TABLE "retention_schedule" ALTER COLUMN "days" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "retention_schedule" ALTER COLUMN "categories" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "retention_schedule" ALTER COLUMN "counts" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "retention_schedule" ALTER COLUMN "kept_codes" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "retention_schedule" ALTER COLUMN "kept_untils" SET STATISTICS 0;--> statement-breakpoint
-- Every day's first run rewrites the plans it worked on (their next_on moves on), so the old row
-- versions pile up in the next_on index that the run's pick reads. Autovacuum's default waits for a
-- fifth of the table to change (at a million actors, a month of days); at 2 % it comes every few
-- days, and the statistics of next_on that decide the pick's plan stay near the truth.
ALTER TABLE "retention_schedule" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
