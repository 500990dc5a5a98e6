// @ts-check
/** Starlight's own style: tabs, single quotes, 100 columns. */
/** @type {import('prettier').Config} */
export default {
	printWidth: 100,
	useTabs: true,
	singleQuote: true,
	plugins: ['prettier-plugin-astro'],
	overrides: [{ files: '*.astro', options: { parser: 'astro' } }],
};
