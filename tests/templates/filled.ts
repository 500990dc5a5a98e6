/**
 * The texts a reader can copy: each template at the sheet's defaults and filled with settings
 * that differ from every default, through the site's own `fillTemplate`.
 */
import { settingPlaces } from '#data/setting-places.ts';
import { fillTemplate } from '#lib/settings/fill.ts';
import { defaultSettings, type SettingValues } from '#lib/settings/rules.ts';
import { unusual } from '#lib/settings/test-fixtures.ts';
import type { ServedTemplate } from './served-templates.ts';

export interface SettingsSet {
	label: string;
	values: Readonly<SettingValues>;
}

/**
 * The unit tests' unusual-but-valid settings, but logging at `debug`: still not the default
 * (`info`), and low enough that the smoke runs see the middleware's info-level events. (At
 * `critical`, the unit fixture's level, a correct setup logs nothing the smoke run can check.)
 */
export const nonDefault: SettingsSet = {
	label: 'non-default settings',
	values: { ...unusual, logLevel: 'debug' },
};
export const defaults: SettingsSet = { label: 'defaults', values: defaultSettings };
export const settingsSets: readonly SettingsSet[] = [defaults, nonDefault];

/** The key of a template in `src/data/setting-places.ts`: its path under `src/snippets/`. */
export function placesKey(template: Pick<ServedTemplate, 'path'>): string {
	return template.path;
}

/** Whether the site fills settings into this template at all (it has declared places). */
export function isFilled(template: Pick<ServedTemplate, 'path'>): boolean {
	return (settingPlaces[placesKey(template)]?.places.length ?? 0) > 0;
}

/** The template's text as the site shows it with `values`: unchanged where it declares no places. */
export function filledText(
	template: Pick<ServedTemplate, 'path' | 'text'>,
	values: Readonly<SettingValues>,
): string {
	return isFilled(template)
		? fillTemplate(placesKey(template), template.text, values)
		: template.text;
}
