/**
 * The JSON report's schema (`schema/tocdiff-report.schema.json`, the `tocdiff-report/1` contract
 * written down) compiled with Ajv, for the tests and the soak run. Not on the command's path:
 * Ajv is a development dependency.
 */
import {readFileSync} from 'node:fs';
import {Ajv2020} from 'ajv/dist/2020.js';

/** The schema file; `src/soak` and `dist/soak` both sit two levels below the repository root. */
const reportSchemaPath = new URL('../../schema/tocdiff-report.schema.json', import.meta.url);

const validate = new Ajv2020({allErrors: true, strict: true}).compile(JSON.parse(readFileSync(reportSchemaPath, 'utf8')) as object);

/**
 * Check a parsed report against the schema: the problems, one line each, or none.
 *
 * @example reportProblems(JSON.parse(stdout)) // [] for a valid report
 */
export function reportProblems(report: unknown): string[] {
	if (validate(report)) return [];
	return (validate.errors ?? []).map((error) => {
		const allowed = 'allowedValues' in error.params ? ` (${(error.params['allowedValues'] as unknown[]).join(', ')})` : '';
		return `${error.instancePath || '/'} ${error.message ?? 'is invalid'}${allowed}`;
	});
}
