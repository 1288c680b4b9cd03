/** A failure as the message the trainer screens show (pure: tested in Node). */
import { isStorageError } from '../../storage/index.ts';
import { TrainerError, type FormMessage } from './trainer-model.ts';

/** The message of a failure: a TrainerError's own, full storage in one sentence, else the failure's sentence as detail after `lead`. */
export function messageOf(error: unknown, lead = 'trainer.error.storage'): FormMessage {
  if (error instanceof TrainerError) return error.m;
  if (isStorageError(error, 'quota')) return { key: 'trainer.error.quota' };
  return { key: isStorageError(error) ? 'trainer.error.storage' : lead, detail: error instanceof Error ? error.message : String(error) };
}
