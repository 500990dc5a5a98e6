/**
 * The text of every template file under `src/snippets/`, as the build reads it (Vite), for the
 * pages and for `llms-full.txt`: one loader, so both show the same files.
 */
import dockerignore from '#snippets/added/.dockerignore?raw';

// A glob skips dot files: `.dockerignore` is imported by name.
const files: Readonly<Record<string, string>> = {
	...import.meta.glob<string>('/src/snippets/**/*', {
		query: '?raw',
		import: 'default',
		eager: true,
	}),
	'/src/snippets/added/.dockerignore': dockerignore,
};

/** A file's text by its path under `src/snippets/` (`Dockerfile`, `hardened/health.py`), or undefined. */
export function templateFile(file: string): string | undefined {
	return files[`/src/snippets/${file}`];
}
