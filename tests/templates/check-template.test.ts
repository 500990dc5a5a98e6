import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { checkTemplates, healthRoutes } from './check-template.ts';
import { defaults, nonDefault } from './filled.ts';
import { servedTemplates } from './served-templates.ts';

const probes = servedTemplates().find((template) => template.path === 'added/deployment.yaml');
const sheetHealth = readFileSync(new URL('../../src/snippets/health.py', import.meta.url), 'utf8');

it('healthRoutes reads the routes a health router declares', () => {
	assert.deepEqual(healthRoutes(sheetHealth), ['/healthz', '/readyz']);
});

it('probes must hit routes of health.py on the reader’s port', async () => {
	assert.ok(probes);
	const check = (text: string, values = defaults) =>
		checkTemplates(
			[
				{
					template: probes,
					label: 'probes.yaml',
					values: values.values,
					settings: values.label,
					text,
				},
			],
			[sheetHealth],
		).then((result) => result.problems[0]);
	assert.deepEqual(await check(probes.text), []);
	assert.deepEqual(await check(probes.text.replace('path: /readyz', 'path: /ready')), [
		'Deployment/fastapi-service container app readinessProbe path /ready is not a route of health.py (/healthz, /readyz)',
	]);
	assert.deepEqual(await check(probes.text, nonDefault), [
		"Deployment/fastapi-service container app livenessProbe port 8000 is not the service's port 65535",
		"Deployment/fastapi-service container app readinessProbe port 8000 is not the service's port 65535",
		"Deployment/fastapi-service container app startupProbe port 8000 is not the service's port 65535",
	]);
});
