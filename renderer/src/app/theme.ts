/** The look of the program: calm, professional, deep teal-blue, generous spacing. */
import { createTheme, type MantineColorsTuple } from '@mantine/core';

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
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
  },
});
