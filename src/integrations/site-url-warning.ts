/** Says loudly when a build has no public origin (see `src/integrations/site-url.ts`). */
import type { AstroIntegration } from 'astro';
import { missingSiteUrlWarning } from './site-url.ts';

export function siteUrlWarning(): AstroIntegration {
	return {
		name: 'cheat-sheet:site-url',
		hooks: {
			'astro:config:setup': ({ command, config, logger }) => {
				if (command === 'build' && !config.site) logger.warn(missingSiteUrlWarning);
			},
		},
	};
}
