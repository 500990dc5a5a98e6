/**
 * A Workbox plugin for page navigations the precache holds no page for (an unknown address, a
 * path without its trailing slash). They go to the network as before; only when the network
 * fails does this answer, where the browser would show its own error page:
 * - a path without a trailing slash and without a file extension (`/workers`) is redirected to
 *   the same path with one (`/workers/`), which the precache holds if it is a page of the site;
 * - anything else gets the precached 404 page (Workbox's `PrecacheFallbackPlugin`, listed after
 *   this plugin) with status 404, as the server would answer.
 */
interface CallbackParam {
	request: Request;
	state?: Record<string, unknown>;
}

export const offlineNavigationPlugin = {
	handlerDidError: async ({ request, state }: CallbackParam): Promise<Response | undefined> => {
		const url = new URL(request.url);
		if (!url.pathname.endsWith('/') && !/\.[^/]*$/.test(url.pathname)) {
			url.pathname = `${url.pathname}/`;
			return Response.redirect(url.href, 301);
		}
		if (state) state['notFound'] = true;
		// No answer here: the next plugin's fallback (the precached 404 page) is the answer.
		return undefined;
	},
	handlerWillRespond: async ({
		response,
		state,
	}: CallbackParam & { response: Response }): Promise<Response> =>
		state?.['notFound'] && response.ok
			? new Response(response.body, {
					status: 404,
					statusText: 'Not Found',
					headers: response.headers,
				})
			: response,
};
