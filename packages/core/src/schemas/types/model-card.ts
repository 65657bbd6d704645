import { documentId, documentSchema, field, text, textList } from '../definitions.js';

export const modelCardSchema = documentSchema({
  type: 'model-card',
  title: 'Model card',
  description:
    'Documentation of one model behind an AI system. The body must have the level-2 sections Intended use, Limitations, Training data, Evaluation and Human oversight.',
  properties: {
    system: field(documentId, 'AI system', 'The id of the ai-system document this model belongs to.'),
    model_version: field(
      text,
      'Model version',
      'The version of the model itself (a release tag, registry version or hash), which moves independently of this document\'s version.',
    ),
    model_type: field(text, 'Model type', 'The kind of model, such as gradient-boosted trees or a fine-tuned language model.'),
    // Text, not only ids: the Hugging Face Hub's `datasets` names public datasets (`wmt19`), which are not cards of this repository.
    datasets: field(textList, 'Datasets', 'The data the model was trained or evaluated on: ids of dataset-card documents, or names of public datasets as the Hugging Face Hub writes them.'),
    license: field(text, 'Licence', 'The licence the model is used under, for models obtained from others.'),
  },
  required: ['system'],
  example: {
    id: 'MC-CREDIT-SCORE',
    type: 'model-card',
    title: 'Model card: credit scoring model',
    owner: 'ROLE-ML-LEAD',
    status: 'approved',
    version: '2.0',
    approved_by: 'ROLE-AI-GOV-LEAD',
    approved_on: '2026-03-02',
    last_reviewed: '2026-03-02',
    next_review: '2026-09-02',
    controls: ['A.6.2.7', 'A.8.2'],
    system: 'SYS-CREDIT-SCORE',
    model_version: 'credit-gbm-2026.02',
    model_type: 'Gradient-boosted decision trees',
    datasets: ['DS-LOAN-HISTORY'],
  },
});
