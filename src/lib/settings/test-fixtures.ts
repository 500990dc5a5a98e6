import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { allTemplates, snippets } from '#data/snippets.ts';
import { fillTemplate, placeRanges } from './fill.ts';
import { defaultSettings, validateSetting, type SettingKey, type SettingValues } from './rules.ts';

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

/** Valid values of each rule, edge cases included. */
export const good: Record<SettingKey, string[]> = {
	service: ['my-service', 'a', '0', 'orders', 'orders-v2', '9to5', 'a'.repeat(63), 'x--y'],
	deployment: ['fastapi-service', 'x-1', 'z', '1-a', 'a'.repeat(63)],
	version: [
		'1.0.0',
		'0.0.0',
		'10.20.30',
		'1.0.0-alpha',
		'1.0.0-alpha.1',
		'1.0.0-0.3.7',
		'1.0.0-x.7.z.92',
		'1.0.0+20130313144700',
		'1.0.0-beta+exp.sha.5114f85',
		'1.0.0+21AF26D3----117B344092BD',
		'10.20.30-rc.1+build.5',
		'1.0.0--',
		'1.0.0-a-b',
	],
	app: [
		'app.main:app',
		'pkg_1.sub.mod:create_app',
		'main:app',
		'_private:_app',
		'A.B:C',
		'match:type',
		'data.main:app',
		'app.data:app',
	],
	port: ['8000', '1', '80', '443', '9000', '65535'],
	python: ['3.9', '3.10', '3.11', '3.12', '3.13', '3.14'],
	logLevel: ['debug', 'info', 'warning', 'error', 'critical'],
	sampleRate: ['0', '1', '0.1', '0.25', '0.001', '1.0', '0.999'],
};

/** Markup, script and URL schemes, in the shapes they arrive in: none may pass any rule. */
export const injections = [
	'<img src=x onerror=alert(1)>',
	'"><svg onload=alert(1)>',
	"'><svg/onload=alert(1)>",
	'"><svg onload=…>',
	'<script>alert(1)</script>',
	'</code><script>alert(1)</script>',
	'javascript:alert(1)',
	'javascript:alert',
	'JaVaScRiPt:alert',
	'javascript:void(0)',
	'jAvAsCrIpT:alert(document.cookie)',
	'vbscript:msgbox',
	'data:text/html,<script>alert(1)</script>',
	'data:app',
	'livescript:x',
	'{{constructor.constructor("alert(1)")()}}',
	'${alert(1)}',
	'&lt;img src=x onerror=alert(1)&gt;',
	'%3Cscript%3E',
	'my-service" onmouseover="alert(1)',
	"my-service' onfocus='alert(1)",
	'app.main:app"); import os; os.system("id',
	'8000; rm -rf /',
	'8000 && curl evil',
	'$(id)',
	'`id`',
	'3.12\n<script>',
	'info\n<script>',
	'0.1<br>',
	'1.0.0<b>',
	'\u003cscript\u003e',
];

/** Look-alikes of valid values: Cyrillic letters, typographic hyphens and dots, full-width and other digits, invisible characters. */
export const lookAlikes: Record<SettingKey, string[]> = {
	service: [
		'mу-service',
		'my‐service',
		'my‑service',
		'my−service',
		'my–service',
		'my-servісe',
		'my\u200b-service',
		'my-service\u00ad',
		'ｍｙ-service',
		'kaf\u212Aa',
		'my-ſervice',
		'my-servİce',
		'my-service\u0301',
		'my-\u202eecivres',
	],
	deployment: ['fastapi‐service', 'fastаpi-service', 'fastapi-serviсe', 'x\u200d-1'],
	version: ['1․0․0', '1.0.0‐rc.1', '１.0.0', '1.0.0-rс.1', '1.0.0\u200b', '١.٠.٠'],
	app: [
		'аpp.main:app',
		'app.main：app',
		'app․main:app',
		'app.maіn:app',
		'app.main:app\u200b',
		'app.main\u2236app',
		'ａpp.main:app',
	],
	port: ['８０００', '٨٠٠٠', '8000\u200b', '80𝟎0', '８000'],
	python: ['3.１２', '３.12', '3․12', '3.12\u200b', '٣.١٢'],
	logLevel: ['іnfo', 'ınfo', 'İNFO', 'inf\u043e', 'crıtical', 'ＩＮＦＯ', 'info\u200b'],
	sampleRate: ['0.１', '0․1', '٠.١', '0.1\u200b'],
};

/** What `text` gets from `key`'s rule, which must refuse it: the message, without the rule (which stands beside the field). */
export function error(key: SettingKey, text: string): string {
	const checked = validateSetting(key, text);
	assert.ok(
		'error' in checked,
		`${key} ${JSON.stringify(text)} should fail, got ${JSON.stringify(checked)}`,
	);
	return checked.error;
}
export const problem = error;

const root = new URL('../../../', import.meta.url);
/** A template file's text, by its path under src/snippets/. */
export const fileText = (file: string) =>
	readFileSync(new URL(`src/snippets/${file}`, root), 'utf8');
/** Every template file: the sheet's, the hardened variants, the added ones. */
export const files = allTemplates.map((template) => template.file);
const sheetFiles = snippets.map((snippet) => snippet.file);

/** Each declared place as `file:line setting “text”`, to read the whole map at a glance. */
export function placeList(values: SettingValues = defaultSettings): string[] {
	return sheetFiles.flatMap((file) => {
		const lines = fillTemplate(file, fileText(file), values).split('\n');
		return placeRanges(file, values).map(
			(range) =>
				`${file}:${range.line} ${range.setting} ${lines[range.line - 1]?.slice(range.start, range.end)}`,
		);
	});
}
