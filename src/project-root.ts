import { fileURLToPath } from 'node:url';

/** The project's root folder, so relative paths mean the same from any working directory (the project runs from source). */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
