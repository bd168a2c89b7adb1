/**
 * What went wrong, in the words SQLite or the system used, folded away for IT staff on the
 * screens shown before the desk opens.
 */
import { Accordion, Text } from '@mantine/core';

export function TechnicalDetails({ label, text }: { label: string; text: string }) {
  return (
    <Accordion variant="contained">
      <Accordion.Item value="details">
        <Accordion.Control>{label}</Accordion.Control>
        <Accordion.Panel>
          <Text size="sm" dir="ltr" ta="left" style={{ overflowWrap: 'anywhere' }}>
            {text}
          </Text>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
