// @ts-check
/**
 * Lint for the whole tree, and the rules between its rooms (docs/architecture.md): lib/ is pure
 * (no DOM, no node:), data/ is data, rooms reach each other through their #aliases.
 */
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Browser globals that neither Node nor a service worker has: the page's DOM and storage. */
const domGlobals = [
	...Object.keys(globals.browser).filter(
		(name) => !(name in globals.node) && !(name in globals.serviceworker),
	),
	'localStorage',
	'sessionStorage',
	'navigator',
	'location',
].map((name) => ({
	name,
	message: 'lib/ touches no DOM: the page side lives in src/components/.',
}));

const climbing = {
	group: ['../*', '../**'],
	message:
		'Import another room through its alias (#lib/…, #components/…: package.json "imports"); ./ is for the same folder.',
};
const withoutExtension = {
	regex: String.raw`^[.#].*/[^/.]+$`,
	message: 'Name the file with its extension (.ts, .astro): Node runs these modules as they are.',
};
/** @returns {import('eslint').Linter.RulesRecord} */
const importRules = (/** @type {object[]} */ ...patterns) => ({
	'no-restricted-imports': ['error', { patterns: [climbing, withoutExtension, ...patterns] }],
});

export default defineConfig(
	{
		ignores: [
			'node_modules/',
			'dist/',
			'dist-subpath/',
			'.astro/',
			'.bench/',
			'.cache/',
			'test-results/',
			'playwright-report/',
			'src/snippets/',
		],
	},
	js.configs.recommended,
	tseslint.configs.recommended,
	astro.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						withoutExtension,
						{
							group: ['**/src/**', '**/source/**'],
							message: 'Import the site through its alias (#lib/…, #data/…).',
						},
					],
				},
			],
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
		},
	},
	// Inside src/, the rooms: no climbing from one to another.
	{ files: ['src/**/*.{ts,astro}'], rules: importRules() },
	// Rooms of a readable size: a file that grows past this does two jobs, and becomes two.
	{
		files: ['src/components/**/*.{ts,astro}', 'src/lib/**/*.ts'],
		rules: { 'max-lines': ['error', 350] },
	},
	// Playwright reads a fixture's dependencies from its first parameter: `{}` is how one says none.
	{ files: ['tests/e2e/**/*.ts'], rules: { 'no-empty-pattern': 'off' } },
	{
		files: ['src/lib/**/*.ts'],
		ignores: ['src/lib/**/*.test.ts', 'src/lib/**/test-fixtures.ts'],
		rules: {
			...importRules(
				{
					group: ['node:*'],
					message: 'lib/ is pure: Node-only code belongs in src/integrations/.',
				},
				{
					regex: '^#(components|integrations|scripts|service-worker)/',
					message: 'lib/ imports only lib/ and data/.',
				},
			),
			'no-restricted-globals': ['error', ...domGlobals],
		},
	},
	{
		files: ['src/data/**/*.ts'],
		ignores: ['src/data/**/*.test.ts'],
		rules: {
			...importRules(
				{
					group: ['node:*'],
					message: 'data/ is data: it imports only types, and template text from #snippets/.',
				},
				{
					regex: '^#(components|integrations|scripts|service-worker)/',
					message: 'data/ is data: it imports only types, and template text from #snippets/.',
				},
			),
			'@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
		},
	},
	{
		files: ['src/components/**/*.ts'],
		ignores: ['src/components/**/*.test.ts'],
		rules: importRules(
			{ group: ['node:*'], message: 'Component scripts run in the browser.' },
			{ regex: '^#(integrations|scripts)/', message: 'Build-time and developer code never ships.' },
		),
	},
);
