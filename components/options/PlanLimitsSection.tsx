import type { FormBindings } from '@/components/options/form-bindings';
import { CHATGPT_PLAN_DEFAULTS, CHATGPT_PLANS, type ChatgptPlan, type MessageCap } from '@/utils/core/meters/chatgpt-caps';
import { CheckboxField, FieldError, Section, SelectField, TextField, type Choice } from '@/components/options/fields';
import { TableHead } from '@/components/TableHead';

const BASE = ['siteMeters'];
const PLAN_LABEL: Record<ChatgptPlan, string> = {
  none: 'Not tracked',
  free: 'Free',
  go: 'Go',
  plus: 'Plus',
  pro: 'Pro',
  business: 'Business',
  custom: 'Custom caps…',
};

/** The sites' own meters: the read switch, their alerts and badge, and ChatGPT's message caps. */
export function PlanLimitsSection({ b }: { b: FormBindings }) {
  const plan = b.value<ChatgptPlan>([...BASE, 'chatgptPlan']);
  const caps = b.value<MessageCap[]>([...BASE, 'chatgptCaps']);
  const badge = b.value<string>([...BASE, 'badge']);
  const choosePlan = (next: string) => {
    // Custom starts from the plan shown so far, so the user edits numbers instead of typing them all.
    if (next === 'custom' && caps.value.length === 0 && plan.value !== 'none' && plan.value !== 'custom') {
      caps.onChange(CHATGPT_PLAN_DEFAULTS[plan.value].caps.map(({ model, hours, cap }) => ({ model, hours, cap })));
    }
    plan.onChange(next as ChatgptPlan);
  };
  return (
    <Section
      id="plan-limits"
      title="Plan limits"
      intro="The limits of your subscriptions, from the sites themselves: Claude's 5-hour session and weekly windows, Gemini's quota, and ChatGPT message caps counted from your recorded messages."
    >
      <CheckboxField
        label="Read the sites' own usage meters"
        binding={b.value<boolean>([...BASE, 'read'])}
        hint={
          <>
            On claude.ai, TokenTally asks claude.ai for your usage (<code>/api/organizations</code> and <code>/api/organizations/…/usage</code>) with your own
            session, the way the page does: at most once a minute, after a reply, and never to another site. On Gemini it reads the usage page while you have
            it open; on ChatGPT it notices the "limit reached" message. No prompt or reply text is sent or kept. Off: no request is made at all.
          </>
        }
      />
      <TextField
        label="Alert when a window reaches"
        binding={b.percentList([...BASE, 'thresholds'])}
        suffix="% used"
        hint="Comma-separated and going up, e.g. 80, 95. A notification when a window crosses each one."
      />
      <CheckboxField label="Tell me when a full window resets" binding={b.value<boolean>([...BASE, 'notifyOnReset'])} />
      <SelectField
        label="Toolbar badge shows"
        id={badge.id}
        value={badge.value}
        choices={[
          { value: 'fullest-window', label: 'The fullest plan window when a site’s meter is known, else my own limits' },
          { value: 'own-limits', label: 'Always my own limits (or today’s tokens)' },
        ]}
        onChange={badge.onChange}
        error={badge.error}
      />
      <fieldset class="chatgpt-caps">
        <legend>ChatGPT message caps</legend>
        <SelectField
          label="Your ChatGPT plan"
          id={plan.id}
          value={plan.value}
          choices={CHATGPT_PLANS.map((p): Choice => ({ value: p, label: PLAN_LABEL[p] }))}
          onChange={choosePlan}
          error={plan.error}
          hint="ChatGPT shows no meter. TokenTally counts the messages it recorded on chatgpt.com against these caps, and marks a model full when ChatGPT says its limit is reached."
        />
        {plan.value !== 'none' && plan.value !== 'custom' && <PlanTable plan={plan.value} />}
        {plan.value === 'custom' && <CustomCaps b={b} caps={caps.value} onChange={caps.onChange} />}
      </fieldset>
    </Section>
  );
}

function PlanTable({ plan }: { plan: Exclude<ChatgptPlan, 'none' | 'custom'> }) {
  const defaults = CHATGPT_PLAN_DEFAULTS[plan];
  return (
    <div class="table-scroll">
      <table class="data-table" data-plan={plan}>
        <caption>Default caps for {defaults.name}: OpenAI changes these; pick “Custom caps” to set your own.</caption>
        <TableHead columns={['Model', 'Cap', 'Source (seen)']} />
        <tbody>
          {defaults.caps.map((c) => (
            <tr key={c.model}>
              <th scope="row">
                {c.label}
                <br />
                <code>{c.model}</code>
              </th>
              <td>
                {c.cap.toLocaleString('en-US')} / {c.hours % 24 === 0 ? `${c.hours / 24} d` : `${c.hours} h`}
              </td>
              <td>
                {c.source} ({c.seen})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {defaults.note && <p class="hint">{defaults.note}</p>}
    </div>
  );
}

function CustomCaps({ b, caps, onChange }: { b: FormBindings; caps: MessageCap[]; onChange(next: MessageCap[]): void }) {
  const edit = (i: number, patch: Partial<MessageCap>) => onChange(caps.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const num = (raw: string) => (raw.trim() === '' ? Number.NaN : Number(raw));
  const listError = b.error([...BASE, 'chatgptCaps']);
  return (
    <div class="table-scroll">
      <table class="data-table">
        <caption>Your caps: messages per rolling window. Model ids like gpt-5 (the everyday model), gpt-5-thinking; “|” between models that share a cap.</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Window (hours)</th>
            <th scope="col">Messages</th>
            <th scope="col">
              <span class="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {caps.map((c, i) => {
            const path = (field: string) => [...BASE, 'chatgptCaps', String(i), field];
            const id = (field: string) => `cap-${i}-${field}`;
            const cell = (field: 'hours' | 'cap', label: string) => (
              <td>
                <input
                  id={id(field)}
                  type="number"
                  class="narrow"
                  min={1}
                  aria-label={`${label}, cap ${i + 1}`}
                  value={Number.isFinite(c[field]) ? String(c[field]) : ''}
                  aria-invalid={b.error(path(field)) ? 'true' : undefined}
                  onInput={(e) => edit(i, { [field]: num(e.currentTarget.value) })}
                />
                <FieldError id={id(field)} error={b.error(path(field))} />
              </td>
            );
            return (
              <tr key={i}>
                <td>
                  <input
                    id={id('model')}
                    type="text"
                    aria-label={`Model, cap ${i + 1}`}
                    spellcheck={false}
                    value={c.model}
                    aria-invalid={b.error(path('model')) ? 'true' : undefined}
                    onInput={(e) => edit(i, { model: e.currentTarget.value })}
                  />
                  <FieldError id={id('model')} error={b.error(path('model'))} />
                </td>
                {cell('hours', 'Window in hours')}
                {cell('cap', 'Messages')}
                <td>
                  <button type="button" class="secondary" onClick={() => onChange(caps.filter((_, j) => j !== i))}>
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" onClick={() => onChange([...caps, { model: 'gpt-5', hours: 3, cap: 160 }])} disabled={caps.length >= 12}>
        Add a cap
      </button>
      <FieldError id="chatgpt-caps" error={listError} />
    </div>
  );
}
