/**
 * Writes the service worker once the build, Pagefind's index included, is in place: Workbox lists
 * every page, asset and search file with its revision, and esbuild bundles
 * src/service-worker/service-worker.ts with that list. Runs after Starlight's own build hook,
 * which writes the index. (Workbox's `generateSW` would bundle its runtime with Rollup and Terser
 * on every build: two seconds of a five-second build.)
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { getManifest } from 'workbox-build';

const source = fileURLToPath(new URL('../service-worker/service-worker.ts', import.meta.url));

export function serviceWorker(): AstroIntegration {
	return {
		name: 'cheat-sheet:service-worker',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const globDirectory = fileURLToPath(dir);
				const { manifestEntries, count, size, warnings } = await getManifest({
					globDirectory,
					globPatterns: ['**/*'],
					// Pagefind also writes UIs that Starlight does not load (it bundles its own).
					globIgnores: [
						'sw.js',
						'sitemap*.xml',
						'_headers',
						'pagefind/pagefind-{ui,modular-ui,component-ui}.*',
						'pagefind/pagefind-highlight.js',
					],
				});
				await build({
					entryPoints: [source],
					outfile: join(globDirectory, 'sw.js'),
					bundle: true,
					minify: true,
					format: 'iife',
					target: 'es2022',
					// Workbox logs only in development builds.
					define: {
						'process.env.NODE_ENV': '"production"',
						'self.__WB_MANIFEST': JSON.stringify(manifestEntries ?? []),
					},
					logLevel: 'warning',
				});
				for (const warning of warnings) logger.warn(warning);
				logger.info(`Service worker precaches ${count} files, ${(size / 1024).toFixed(0)} KiB.`);
			},
		},
	};
}
