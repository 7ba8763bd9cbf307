-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AttemptStatus" AS ENUM ('COMPLETED', 'FAILED', 'SLEEPING', 'LOST', 'CANCELLED');

-- CreateEnum
CREATE TYPE "StepOp" AS ENUM ('RUN', 'SLEEP', 'SEND_EVENT');

-- CreateEnum
CREATE TYPE "StepStatus" AS ENUM ('COMPLETED', 'FAILED');

-- CreateTable
CREATE TABLE "events" (
    "id" TEXT NOT NULL,
    "external_id" TEXT,
    "name" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "user" JSONB NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "v" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "functions" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "trigger_event" TEXT NOT NULL,
    "retries" INTEGER NOT NULL,
    "handles_function_id" TEXT,
    "failure_handler_id" TEXT,
    "config" JSONB NOT NULL,
    "synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "functions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "runs" (
    "id" TEXT NOT NULL,
    "function_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "event_name" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'QUEUED',
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL,
    "output" JSONB,
    "error" JSONB,
    "queued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "rerun_of_id" TEXT,
    "failed_run_id" TEXT,
    "failure_event_id" TEXT,
    "cancel_requested" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attempts" (
    "id" BIGSERIAL NOT NULL,
    "run_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "attempt" INTEGER NOT NULL,
    "step_id" TEXT,
    "status" "AttemptStatus" NOT NULL,
    "error" JSONB,
    "worker_id" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3) NOT NULL,
    "retry_at" TIMESTAMPTZ(3),

    CONSTRAINT "attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "steps" (
    "run_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "op" "StepOp" NOT NULL,
    "status" "StepStatus" NOT NULL,
    "position" INTEGER NOT NULL,
    "output" JSONB,
    "error" JSONB,
    "attempts" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "steps_pkey" PRIMARY KEY ("run_id","id")
);

-- CreateTable
CREATE TABLE "queue" (
    "run_id" TEXT NOT NULL,
    "run_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_id" TEXT,
    "locked_by" TEXT,
    "locked_until" TIMESTAMPTZ(3),
    "claimed_at" TIMESTAMPTZ(3),

    CONSTRAINT "queue_pkey" PRIMARY KEY ("run_id")
);

-- CreateTable
CREATE TABLE "run_keys" (
    "function_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "run_keys_pkey" PRIMARY KEY ("function_id","key")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "run_id" TEXT,
    "result_run_id" TEXT,
    "event_id" TEXT,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "events_name_id_idx" ON "events"("name", "id" DESC);

-- CreateIndex
CREATE INDEX "events_external_id_idx" ON "events"("external_id");

-- CreateIndex
CREATE UNIQUE INDEX "runs_failure_event_id_key" ON "runs"("failure_event_id");

-- CreateIndex
CREATE INDEX "runs_status_id_idx" ON "runs"("status", "id" DESC);

-- CreateIndex
CREATE INDEX "runs_function_id_id_idx" ON "runs"("function_id", "id" DESC);

-- CreateIndex
CREATE INDEX "runs_function_id_status_id_idx" ON "runs"("function_id", "status", "id" DESC);

-- CreateIndex
CREATE INDEX "runs_event_name_id_idx" ON "runs"("event_name", "id" DESC);

-- CreateIndex
CREATE INDEX "runs_event_id_idx" ON "runs"("event_id");

-- CreateIndex
CREATE INDEX "runs_rerun_of_id_idx" ON "runs"("rerun_of_id");

-- CreateIndex
CREATE INDEX "runs_failed_run_id_idx" ON "runs"("failed_run_id");

-- CreateIndex
CREATE INDEX "attempts_run_id_number_idx" ON "attempts"("run_id", "number");

-- CreateIndex
CREATE INDEX "queue_run_at_idx" ON "queue"("run_at");

-- CreateIndex
CREATE INDEX "audit_log_run_id_at_idx" ON "audit_log"("run_id", "at");

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attempts" ADD CONSTRAINT "attempts_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "steps" ADD CONSTRAINT "steps_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

