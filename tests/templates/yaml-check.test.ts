import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { yamlProblems } from './yaml-check.ts';

const deployment = (probes: string, apiVersion = 'apps/v1') => `apiVersion: ${apiVersion}
kind: Deployment
metadata:
  name: my-service
spec:
  selector:
    matchLabels: {app: my-service}
  template:
    metadata:
      labels: {app: my-service}
    spec:
      containers:
        - name: app
          image: my-service:1.0.0
          ports: [{name: http, containerPort: 8000}]
${probes}`;

const goodProbes = `          livenessProbe:
            httpGet: {path: /healthz, port: http}
            periodSeconds: 10
          readinessProbe:
            httpGet: {path: /readyz, port: 8000}
            periodSeconds: 5
            failureThreshold: 3
`;

describe('yamlProblems', () => {
	it('accepts a Deployment with both probes, and lists them with their ports resolved', () => {
		const { problems, probes } = yamlProblems(
			`${deployment(goodProbes)}---\napiVersion: v1\nkind: Service\nmetadata: {name: my-service}\n`,
		);
		assert.deepEqual(problems, []);
		assert.deepEqual(
			probes.map(({ kind, path, port }) => [kind, path, port]),
			[
				['livenessProbe', '/healthz', 8000],
				['readinessProbe', '/readyz', 8000],
			],
		);
	});

	it('reports YAML that does not parse', () => {
		assert.match(yamlProblems('a: [1, 2\nb: 3\n').problems[0] ?? '', /^[A-Z_]+: /);
		assert.match(yamlProblems('a: 1\na: 2\n').problems[0] ?? '', /^DUPLICATE_KEY: /);
	});

	it('reports missing object fields and broken probes', () => {
		const broken = `          livenessProbe:
            httpGet: {port: web}
          readinessProbe:
            tcpSocket: {port: 8000}
            httpGet: {path: readyz, port: 70000}
            periodSeconds: 0
`;
		assert.deepEqual(yamlProblems(deployment(broken, 'extensions/v1beta1')).problems, [
			'Deployment/my-service apiVersion extensions/v1beta1, but Deployment is served at apps/v1',
			'Deployment/my-service container app livenessProbe httpGet needs a path starting with /',
			'Deployment/my-service container app livenessProbe httpGet port web names no port of the container',
			'Deployment/my-service container app livenessProbe needs periodSeconds, a whole number above 0',
			'Deployment/my-service container app readinessProbe needs exactly one of httpGet, tcpSocket, exec, grpc, has httpGet, tcpSocket',
			'Deployment/my-service container app readinessProbe httpGet needs a path starting with /',
			"Deployment/my-service container app readinessProbe httpGet needs a port from 1 to 65535 or a port's name",
			'Deployment/my-service container app readinessProbe needs periodSeconds, a whole number above 0',
		]);
		assert.deepEqual(
			yamlProblems('kind: Deployment\nmetadata: {name: My_Service}\nspec: {}\n').problems,
			[
				'Deployment/My_Service has no apiVersion',
				'Deployment/My_Service metadata.name is not a DNS-1123 name',
				'Deployment/My_Service has no spec.selector.matchLabels',
				'Deployment/My_Service has no containers',
			],
		);
		assert.deepEqual(yamlProblems(deployment('')).problems, [
			'Deployment/my-service container app has no livenessProbe',
			'Deployment/my-service container app has no readinessProbe',
		]);
	});

	it('only parses YAML that is not a Kubernetes object', () => {
		assert.deepEqual(yamlProblems('groups:\n  - name: x\n    rules: []\n'), {
			problems: [],
			probes: [],
		});
	});
});
