/** The look of the program: calm, professional, deep teal-blue, generous spacing. */
import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

const desk: MantineColorsTuple = [
  '#e8f5f7',
  '#d3e8ec',
  '#a5d0d9',
  '#74b6c5',
  '#4ca0b4',
  '#3292a9',
  '#228ba4',
  '#117890',
  '#026a81',
  '#005c71',
];

const fontFamily = "Vazirmatn, 'Segoe UI', Tahoma, system-ui, sans-serif";

const typedText = { input: { dir: 'auto' } };

export const theme = createTheme({
  primaryColor: 'desk',
  primaryShade: 8,
  colors: { desk },
  fontFamily,
  fontFamilyMonospace: "Vazirmatn, ui-monospace, 'Cascadia Mono', Consolas, monospace",
  headings: { fontFamily, fontWeight: '600' },
  defaultRadius: 'md',
  spacing: { xs: '0.625rem', sm: '0.875rem', md: '1.125rem', lg: '1.5rem', xl: '2.25rem' },
  components: {
    // What a user types takes its own direction: a Persian note in the English window starts
    // at the right, an English name in the Persian window at the left (Mantine aligns the
    // text to the start of that direction). Mantine puts a `dir` prop on the field's wrapper,
    // where it cannot see the typed text, so the attribute goes on the input element itself.
    TextInput: { defaultProps: { attributes: typedText } },
    Textarea: { defaultProps: { attributes: typedText } },
    Autocomplete: { defaultProps: { attributes: typedText } },
    TagsInput: { defaultProps: { attributes: typedText } },
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
  },
});

/**
 * Colours darkened where Mantine's defaults fall under a 4.5:1 contrast (WCAG AA): secondary
 * ("dimmed") text, which carries dates and hints, and the text of light badges and alerts in
 * the warm colours the program uses for deadlines and states.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c6670',
    '--mantine-color-teal-light-color': '#0b6b4f',
    '--mantine-color-green-light-color': '#1f6f30',
    '--mantine-color-orange-light-color': '#a23a00',
    '--mantine-color-orange-text': '#a23a00',
    '--mantine-color-orange-filled': '#c2410c',
    '--mantine-color-yellow-light-color': '#8a5300',
    '--mantine-color-red-text': '#c92a2a',
    '--mantine-color-red-filled': '#c92a2a',
    '--mantine-color-red-light-color': '#b02525',
  },
  dark: {},
});
