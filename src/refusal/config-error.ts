import { OperatorError } from './operator-error.js';

/** A variable that is set to something the program cannot use; the message names it but never echoes its value. */
export class ConfigError extends OperatorError {
  override readonly name = 'ConfigError';
}
