-- AlterEnum
ALTER TYPE "AttemptStatus" ADD VALUE 'RELEASED';

