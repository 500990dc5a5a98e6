/**
 * Sample templates in tests/templates/samples/, written to the contract the hardened variants
 * and the new templates will follow, so the checks for them are proven to work before the real
 * files land in src/snippets/. They are test input only: the site never serves them.
 */
import { fileURLToPath } from 'node:url';
import type { TemplateEntry } from './served-templates.ts';

export const samplesRoot = fileURLToPath(new URL('samples/', import.meta.url));

/** As the new templates' entries in src/data/snippets.ts may read: `.dockerignore` shown as `ignore`. */
export const sampleEntries: readonly TemplateEntry[] = [
	{ file: '.dockerignore', lang: 'ignore' },
	{ file: 'k8s-probes.yaml', lang: 'yaml' },
	{ file: 'run-uvicorn.sh', lang: 'bash' },
];
