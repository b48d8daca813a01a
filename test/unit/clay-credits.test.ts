import { describe, expect, it } from 'vitest';
import { chargeForRun, chargePerRow, CLAY_CREDITS_SCHEME, sumMeters, type CreditScheme } from '@/utils/core/clay/credit-rules';

describe('Clay credit rules (worked examples from Clay docs)', () => {
  it('3 enrichment columns (Enrich Person, Enrich Company, Find New Events) cost 3 credits per row', () => {
    const run = chargeForRun({
      columns: [{ typeId: 'enrich-person' }, { typeId: 'enrich-company' }, { typeId: 'find-new-events' }],
      rows: 1,
    });
    expect(run.perRow).toEqual({ credits: 3 });
    expect(run.total).toEqual({ credits: 3 });
    expect(sumMeters(chargeForRun({ columns: run.columns.map((c) => c.column), rows: 250 }).total)).toBe(750);
  });

  it('a bulk run of 1,000 rows on a 1-credit column costs 1,000 credits', () => {
    expect(chargeForRun({ columns: [{ typeId: 'enrich-person' }], rows: 1000 }).total).toEqual({ credits: 1000 });
  });

  it('Find Work Email and Find & Enrich Person from Google Search cost 2 credits per row', () => {
    expect(chargePerRow(CLAY_CREDITS_SCHEME, { typeId: 'find-work-email' })).toEqual({ credits: 2 });
    expect(chargePerRow(CLAY_CREDITS_SCHEME, { typeId: 'find-enrich-person-google' })).toEqual({ credits: 2 });
  });

  it('formatters and Send data destinations are free', () => {
    const run = chargeForRun({ columns: [{ typeId: 'formatter' }, { typeId: 'send-data' }], rows: 5000 });
    expect(run.total).toEqual({});
    expect(sumMeters(run.total)).toBe(0);
  });

  it('an own API key costs 0 credits, even for a 2-credit enrichment or a premium one', () => {
    const run = chargeForRun({
      columns: [{ typeId: 'find-work-email', ownKey: true }, { typeId: 'clearbit', ownKey: true }, { typeId: 'use-ai', ownKey: true }],
      rows: 1000,
    });
    expect(sumMeters(run.total)).toBe(0);
  });

  it('errors are not charged', () => {
    const run = chargeForRun({ columns: [{ typeId: 'enrich-person' }], rows: 100, outcomes: { errors: 100 } });
    expect(sumMeters(run.total)).toBe(0);
    const partial = chargeForRun({ columns: [{ typeId: 'find-work-email' }], rows: 100, outcomes: { errors: 10 } });
    expect(partial.total).toEqual({ credits: 180 });
  });

  it('"no data found" is free except for count-type lookups, which still charge', () => {
    const outcomes = { noData: 40 };
    expect(chargeForRun({ columns: [{ typeId: 'find-work-email' }], rows: 100, outcomes }).total).toEqual({ credits: 120 });
    expect(chargeForRun({ columns: [{ typeId: 'google-keyword-search' }], rows: 100, outcomes }).total).toEqual({ credits: 100 });
    expect(chargeForRun({ columns: [{ typeId: 'job-role-count' }], rows: 100, outcomes }).total).toEqual({ credits: 100 });
  });

  it('re-runs are charged again per row', () => {
    expect(chargeForRun({ columns: [{ typeId: 'enrich-company' }], rows: 200, runs: 3 }).total).toEqual({ credits: 600 });
  });

  it('premium enrichments spend premium credits, not plan credits', () => {
    expect(chargeForRun({ columns: [{ typeId: 'people-data-labs' }, { typeId: 'enrich-person' }], rows: 10 }).total).toEqual({
      premium: 10,
      credits: 10,
    });
  });

  it('user overrides from settings replace the per-row charge; per-model AI overrides win', () => {
    const overrides = { 'enrich-person': 3, 'use-ai': 2, 'ai:gpt-4o': 5 };
    expect(chargePerRow(CLAY_CREDITS_SCHEME, { typeId: 'enrich-person' }, overrides)).toEqual({ credits: 3 });
    expect(chargePerRow(CLAY_CREDITS_SCHEME, { typeId: 'use-ai', modelId: 'gpt-4o-mini' }, overrides)).toEqual({ credits: 2 });
    expect(chargePerRow(CLAY_CREDITS_SCHEME, { typeId: 'use-ai', modelId: 'gpt-4o' }, overrides)).toEqual({ credits: 5 });
    expect(chargePerRow(CLAY_CREDITS_SCHEME, { typeId: 'use-ai', modelId: 'gpt-4o', ownKey: true }, overrides)).toEqual({});
  });

  it('a different pricing scheme (data credits + actions) is a data change', () => {
    const split: CreditScheme = {
      id: 'data-and-actions',
      label: 'Data credits + actions',
      meters: [
        { id: 'data', label: 'Data credits', renewal: 'period' },
        { id: 'actions', label: 'Actions', renewal: 'period' },
      ],
      primaryMeter: 'data',
      ownKeyIsFree: false,
      errorsCharge: false,
      columnTypes: [
        { id: 'enrich-person', label: 'Enrich Person', category: 'enrichment', charges: { data: 2, actions: 1 }, chargesOnNoData: false },
        { id: 'use-ai', label: 'Use AI', category: 'ai', charges: { actions: 1 }, chargesOnNoData: true, aiFeature: 'use-ai' },
      ],
    };
    const run = chargeForRun({ scheme: split, columns: [{ typeId: 'enrich-person' }, { typeId: 'use-ai', ownKey: true }], rows: 100 });
    expect(run.perRow).toEqual({ data: 2, actions: 2 });
    expect(run.total).toEqual({ data: 200, actions: 200 });
  });
});
