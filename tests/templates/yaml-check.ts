/**
 * YAML templates: every document parses (the `yaml` package, YAML 1.2, errors and warnings both
 * count), and every Kubernetes object in them holds what the API server needs to accept it and
 * what a probe needs to work. Not a schema validation: the few mistakes a template can make.
 */
import { parseAllDocuments } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: unknown): value is JsonObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const objectAt = (value: Json | undefined, ...keys: string[]): JsonObject | undefined => {
	let current: Json | undefined = value;
	for (const key of keys) current = isObject(current) ? current[key] : undefined;
	return isObject(current) ? current : undefined;
};

/** The apiVersion each kind a deployment template may hold is served at. */
const API_VERSIONS: Readonly<Record<string, string>> = {
	Deployment: 'apps/v1',
	StatefulSet: 'apps/v1',
	DaemonSet: 'apps/v1',
	Service: 'v1',
	ConfigMap: 'v1',
	Secret: 'v1',
	Pod: 'v1',
	HorizontalPodAutoscaler: 'autoscaling/v2',
	PodDisruptionBudget: 'policy/v1',
	Ingress: 'networking.k8s.io/v1',
};
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'exec', 'grpc'];
const DNS_SUBDOMAIN =
	/^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const isPositiveInteger = (value: Json | undefined) =>
	Number.isInteger(value) && (value as number) > 0;

export interface Probe {
	/** `Deployment/my-service container app livenessProbe`. */
	where: string;
	kind: (typeof PROBES)[number];
	path?: string;
	/** The httpGet port as a number, a named port resolved through the container's ports. */
	port?: number;
}

/** The YAML documents as plain data, or the parser's errors and warnings. */
export function parseYaml(text: string): { documents: Json[]; problems: string[] } {
	const parsed = parseAllDocuments(text, { prettyErrors: false });
	if (!Array.isArray(parsed)) return { documents: [], problems: ['not YAML documents'] };
	const problems = parsed.flatMap((document) =>
		[...document.errors, ...document.warnings].map((issue) => `${issue.code}: ${issue.message}`),
	);
	return {
		documents: problems.length > 0 ? [] : parsed.map((document) => document.toJS() as Json),
		problems,
	};
}

function probeProblems(
	probe: JsonObject,
	where: string,
	containerPorts: ReadonlyArray<JsonObject>,
): string[] {
	const problems: string[] = [];
	const handlers = HANDLERS.filter((handler) => probe[handler] !== undefined);
	if (handlers.length !== 1)
		problems.push(
			`${where} needs exactly one of ${HANDLERS.join(', ')}, has ${handlers.join(', ') || 'none'}`,
		);
	const httpGet = objectAt(probe, 'httpGet');
	if (httpGet) {
		if (typeof httpGet['path'] !== 'string' || !httpGet['path'].startsWith('/'))
			problems.push(`${where} httpGet needs a path starting with /`);
		const port = httpGet['port'];
		if (typeof port === 'string') {
			if (!containerPorts.some((containerPort) => containerPort['name'] === port))
				problems.push(`${where} httpGet port ${port} names no port of the container`);
		} else if (!(isPositiveInteger(port) && (port as number) <= 65535))
			problems.push(`${where} httpGet needs a port from 1 to 65535 or a port's name`);
	}
	if (!isPositiveInteger(probe['periodSeconds']))
		problems.push(`${where} needs periodSeconds, a whole number above 0`);
	for (const field of ['timeoutSeconds', 'failureThreshold', 'successThreshold']) {
		if (probe[field] !== undefined && !isPositiveInteger(probe[field]))
			problems.push(`${where} ${field} must be a whole number above 0`);
	}
	if (
		probe['initialDelaySeconds'] !== undefined &&
		!(
			Number.isInteger(probe['initialDelaySeconds']) &&
			(probe['initialDelaySeconds'] as number) >= 0
		)
	)
		problems.push(`${where} initialDelaySeconds must be a whole number, 0 or more`);
	return problems;
}

/** A Kubernetes object's problems, and the probes of its containers. */
function kubernetesObject(
	object: JsonObject,
	index: number,
): { problems: string[]; probes: Probe[] } {
	const kind = typeof object['kind'] === 'string' ? object['kind'] : undefined;
	const name = objectAt(object, 'metadata')?.['name'];
	const label = `${kind ?? `document ${index + 1}`}/${typeof name === 'string' ? name : '?'}`;
	const problems: string[] = [];
	const probes: Probe[] = [];
	if (!kind) problems.push(`${label} has no kind`);
	if (typeof object['apiVersion'] !== 'string') problems.push(`${label} has no apiVersion`);
	else if (kind && API_VERSIONS[kind] && object['apiVersion'] !== API_VERSIONS[kind])
		problems.push(
			`${label} apiVersion ${object['apiVersion']}, but ${kind} is served at ${API_VERSIONS[kind]}`,
		);
	if (typeof name !== 'string') problems.push(`${label} has no metadata.name`);
	else if (!DNS_SUBDOMAIN.test(name))
		problems.push(`${label} metadata.name is not a DNS-1123 name`);
	if (!kind || !(WORKLOADS.has(kind) || kind === 'Pod')) return { problems, probes };

	const podSpec =
		kind === 'Pod' ? objectAt(object, 'spec') : objectAt(object, 'spec', 'template', 'spec');
	if (WORKLOADS.has(kind)) {
		const selector = objectAt(object, 'spec', 'selector', 'matchLabels') ?? {};
		const labels = objectAt(object, 'spec', 'template', 'metadata', 'labels') ?? {};
		if (Object.keys(selector).length === 0)
			problems.push(`${label} has no spec.selector.matchLabels`);
		for (const [key, value] of Object.entries(selector))
			if (labels[key] !== value)
				problems.push(
					`${label} selector ${key}=${String(value)} does not match the pod template's labels`,
				);
	}
	const containers = Array.isArray(podSpec?.['containers'])
		? podSpec['containers'].filter(isObject)
		: [];
	if (containers.length === 0) problems.push(`${label} has no containers`);
	for (const container of containers) {
		const where = `${label} container ${typeof container['name'] === 'string' ? container['name'] : '?'}`;
		if (typeof container['name'] !== 'string') problems.push(`${where} has no name`);
		if (typeof container['image'] !== 'string') problems.push(`${where} has no image`);
		const ports = Array.isArray(container['ports']) ? container['ports'].filter(isObject) : [];
		for (const probeKind of PROBES) {
			const probe = container[probeKind];
			if (probe === undefined) {
				if (probeKind !== 'startupProbe' && WORKLOADS.has(kind))
					problems.push(`${where} has no ${probeKind}`);
				continue;
			}
			if (!isObject(probe)) {
				problems.push(`${where} ${probeKind} is not a mapping`);
				continue;
			}
			problems.push(...probeProblems(probe, `${where} ${probeKind}`, ports));
			const httpGet = objectAt(probe, 'httpGet');
			const named = httpGet?.['port'];
			const port =
				typeof named === 'string'
					? ports.find((containerPort) => containerPort['name'] === named)?.['containerPort']
					: named;
			probes.push({
				where: `${where} ${probeKind}`,
				kind: probeKind,
				...(typeof httpGet?.['path'] === 'string' ? { path: httpGet['path'] } : {}),
				...(typeof port === 'number' ? { port } : {}),
			});
		}
	}
	return { problems, probes };
}

/**
 * A YAML template's problems, and its probes. A document with `kind` or `apiVersion` is checked
 * as a Kubernetes object; any other document (a Prometheus rules file, say) only has to parse.
 */
export function yamlProblems(text: string): { problems: string[]; probes: Probe[] } {
	const { documents, problems } = parseYaml(text);
	if (problems.length > 0) return { problems, probes: [] };
	const objects = documents.map((document, index) =>
		isObject(document) && ('kind' in document || 'apiVersion' in document)
			? kubernetesObject(document, index)
			: { problems: [], probes: [] },
	);
	return {
		problems: objects.flatMap((object) => object.problems),
		probes: objects.flatMap((object) => object.probes),
	};
}
