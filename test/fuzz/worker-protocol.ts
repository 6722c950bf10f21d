/** The line a fuzz worker writes on stderr once its targets are loaded and fuzzing starts. */
export const STARTED = "tconv-fuzz-worker: started";
