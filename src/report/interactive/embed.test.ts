import { describe, expect, it } from 'vitest';
import { frameworkSchema } from '../../framework/schema/framework.js';
import { embedInteractive, type InteractiveReportData, scriptJson } from './embed.js';

const framework = frameworkSchema.parse({
  id: 't',
  title: 'T',
  edition: '1',
  version: '1.0.0',
  periods: [{ id: 'p', referenceDate: '2020-01-01' }],
  dimensions: [
    { id: 'd', title: 'D', indicators: [{ id: 'i', title: 'I', rule: { kind: 'boolean' } }] },
  ],
});
const data: InteractiveReportData = {
  format: 1,
  framework,
  answers: [
    {
      path: 'a.csv',
      content:
        'unit,period,indicator,answer,source\nU,p,i,yes,"</script><script>alert(1)</script>"\n',
    },
  ],
  report: { decimals: 1 },
  scoring: { weights: {} },
};

describe('embedInteractive', () => {
  it('keeps text that looks like markup inside the data, where it cannot end the script', () => {
    const json = scriptJson({ s: '</script><!-- \u2028' });
    expect(json).not.toMatch(/<|\u2028/);
    expect(JSON.parse(json)).toEqual({ s: '</script><!-- \u2028' });
  });

  it('adds the style to the head and the data and app before </body>', () => {
    const page = embedInteractive(
      '<!doctype html><html><head><title>x</title></head><body><main></main></body></html>',
      data,
      'console.log("</script>")',
    );
    expect(page.indexOf('<style>')).toBeLessThan(page.indexOf('</head>'));
    expect(page).toContain('<script type="application/json" id="ii-report-data">');
    // Only the two scripts the page should have start, and each ends once.
    expect(page.match(/<script/g)).toHaveLength(2);
    expect(page.match(/<\/script>/g)).toHaveLength(2);
    const json = /id="ii-report-data">(.*?)<\/script>/s.exec(page)?.[1] ?? '';
    expect(JSON.parse(json)).toEqual(data);
    expect(page.trimEnd().endsWith('</body></html>')).toBe(true);
  });

  it('refuses a text that is not a whole page with a coded error', () => {
    expect(() => embedInteractive('<p>not a page</p>', data, '')).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ code: 'REPORT_NOT_A_PAGE' })] }),
    );
  });
});
