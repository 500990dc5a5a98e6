import type { SettingValues } from './rules.ts';

/** Unusual but valid settings: every value differs from the sheet's, several at the edge of their rule. */
export const unusual: SettingValues = {
	service: 'a',
	version: '10.20.30-rc.1+build.5',
	app: 'pkg_1.sub.mod:create_app',
	port: '65535',
	python: '3.9',
	deployment: 'x-1',
	logLevel: 'critical',
	sampleRate: '0',
};
