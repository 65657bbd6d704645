/**
 * Documents as organisations already write them, adopted with the fewest
 * edits: a Hugging Face-style model card (Hub metadata in the frontmatter,
 * the Hub template's headings), and the roles and AI system it points to.
 */
import { md } from './rule-tester.js';

export const HF_MODEL_CARD = md`
  ---
  id: MC-TRANSLATE-DE-EN
  type: model-card
  title: "Model card: German-English translation"
  owner: ROLE-ML-LEAD
  status: draft
  version: "0.3"
  system: AIS-TRANSLATE
  language:
    - de
    - en
  license: apache-2.0
  library_name: transformers
  pipeline_tag: translation
  base_model: Helsinki-NLP/opus-mt-de-en
  datasets:
    - wmt19
  metrics:
    - bleu
  tags:
    - translation
  model-index:
    - name: translate-de-en
      results:
        - task: {type: translation}
          metrics: [{type: bleu, value: 39.2}]
  widget:
    - text: "Guten Morgen"
  ---
  # Model Card for translate-de-en

  ## Model Details

  ### Model Description

  A Marian model fine-tuned on our support tickets.

  ## Uses

  ### Direct Use

  Translating German customer e-mails for English-speaking agents.

  ### Out-of-Scope Use

  Legal or medical documents.

  ## Bias, Risks, and Limitations

  Informal dialect is translated poorly.

  ## Training Details

  ### Training Data

  WMT19 news plus 40,000 anonymised tickets.

  ## Evaluation

  BLEU 39.2 on a held-out ticket set.

  ## Human oversight

  Agents see the original next to the translation.
`;

export const ROLES = md`
  ---
  id: ROLES-001
  type: roles
  title: Roles
  owner: ROLE-ML-LEAD
  status: draft
  version: "1.0"
  roles:
    - id: ROLE-ML-LEAD
      name: Machine learning lead
      holders: [Dana Okafor]
      responsibilities: [Model documentation]
  ---
  # Roles
`;

export const AI_SYSTEM = md`
  ---
  id: AIS-TRANSLATE
  type: ai-system
  title: Support ticket translation
  owner: ROLE-ML-LEAD
  status: draft
  version: "1.0"
  purpose: Translate German support tickets for English-speaking agents.
  lifecycle_stage: development
  ---
  # Support ticket translation
`;

/** The three documents together, as a card-only repository keeps them. */
export const CARD_REPOSITORY = {
  'models/translate-de-en/README.md': HF_MODEL_CARD,
  'governance/roles.md': ROLES,
  'governance/translate.md': AI_SYSTEM,
};
