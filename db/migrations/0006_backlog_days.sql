CREATE TABLE "cleanup_backlog_days" (
	"day" date PRIMARY KEY NOT NULL,
	"counted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actors" integer NOT NULL,
	"records_total" bigint NOT NULL,
	"records" jsonb NOT NULL
);
