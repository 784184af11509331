/** A refusal of the command line's input: reported as one line, exit code 2. */
export class UsageError extends Error {}
