/**
 * The built-in JSON Schemas, one per document type of the format. The
 * `schema/invalid` rule validates frontmatter with them, and
 * `scripts/generate-schemas.mjs` writes them to `schemas/` for editors.
 */
import type { JsonSchema } from './definitions.js';
import { aiObjectivesSchema } from './types/ai-objectives.js';
import { aiPolicySchema } from './types/ai-policy.js';
import { aiSystemSchema } from './types/ai-system.js';
import { aimsScopeSchema } from './types/aims-scope.js';
import { auditReportSchema } from './types/audit-report.js';
import { correctiveActionSchema } from './types/corrective-action.js';
import { datasetCardSchema } from './types/dataset-card.js';
import { impactAssessmentSchema } from './types/impact-assessment.js';
import { incidentSchema } from './types/incident.js';
import { managementReviewSchema } from './types/management-review.js';
import { modelCardSchema } from './types/model-card.js';
import { monitoringPlanSchema } from './types/monitoring-plan.js';
import { procedureSchema } from './types/procedure.js';
import { riskAssessmentSchema } from './types/risk-assessment.js';
import { rolesSchema } from './types/roles.js';
import { soaSchema } from './types/soa.js';
import { supplierAssessmentSchema } from './types/supplier-assessment.js';
import { trainingRecordSchema } from './types/training-record.js';

export type { JsonSchema, JsonValue } from './definitions.js';
export { schemaFileName } from './definitions.js';

/** Keyed by the frontmatter `type`, in the order the format lists the types. */
export const builtinSchemas: Readonly<Record<string, JsonSchema>> = Object.freeze({
  'aims-scope': aimsScopeSchema,
  'ai-policy': aiPolicySchema,
  'ai-objectives': aiObjectivesSchema,
  roles: rolesSchema,
  'ai-system': aiSystemSchema,
  'model-card': modelCardSchema,
  'dataset-card': datasetCardSchema,
  'risk-assessment': riskAssessmentSchema,
  'impact-assessment': impactAssessmentSchema,
  soa: soaSchema,
  procedure: procedureSchema,
  'training-record': trainingRecordSchema,
  'supplier-assessment': supplierAssessmentSchema,
  'audit-report': auditReportSchema,
  'management-review': managementReviewSchema,
  incident: incidentSchema,
  'corrective-action': correctiveActionSchema,
  'monitoring-plan': monitoringPlanSchema,
});

export const documentTypes: readonly string[] = Object.freeze(Object.keys(builtinSchemas));

/**
 * The exact text of a generated schema file. The generator writes it and the
 * freshness test compares against it, so both must use this one function.
 */
export function renderSchemaFile(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
