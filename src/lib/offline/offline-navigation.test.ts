import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { offlineNavigationPlugin } from './offline-navigation.ts';

const navigation = (url: string) => new Request(url);

describe('offline navigation plugin', () => {
	it('sends a page path without its trailing slash to the path with one, query kept', async () => {
		const response = await offlineNavigationPlugin.handlerDidError({
			request: navigation('https://x.example/docs/cheat-sheet/metrics?type=Gauge'),
			state: {},
		});
		assert.equal(response?.status, 301);
		assert.equal(
			response?.headers.get('location'),
			'https://x.example/docs/cheat-sheet/metrics/?type=Gauge',
		);
	});

	it('leaves other addresses to the precached 404 page, and gives that page status 404', async () => {
		for (const url of [
			'https://x.example/nope/',
			'https://x.example/sitemap-index.xml',
			'https://x.example/gunicorn/nope/?x=1',
		]) {
			const state: Record<string, unknown> = {};
			assert.equal(
				await offlineNavigationPlugin.handlerDidError({ request: navigation(url), state }),
				undefined,
				url,
			);
			const page = new Response('<h1>Page not found</h1>', {
				headers: { 'content-type': 'text/html' },
			});
			const answer = await offlineNavigationPlugin.handlerWillRespond({
				request: navigation(url),
				state,
				response: page,
			});
			assert.equal(answer.status, 404);
			assert.equal(answer.headers.get('content-type'), 'text/html');
			assert.equal(await answer.text(), '<h1>Page not found</h1>');
		}
	});

	it('leaves what the network answered as it is', async () => {
		const fromNetwork = new Response('<h1>Workers Formula</h1>');
		assert.equal(
			await offlineNavigationPlugin.handlerWillRespond({
				request: navigation('https://x.example/workers/'),
				state: {},
				response: fromNetwork,
			}),
			fromNetwork,
		);
	});
});
