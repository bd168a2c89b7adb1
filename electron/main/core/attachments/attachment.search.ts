/**
 * Attachments in the search index: found by their display name and, for text, e-mail,
 * Word and OpenDocument files, by the text taken from the file when it was stored.
 */
import type { SearchSource } from '../search/search.indexer';
import { attachmentIds, attachmentsForIndex } from './attachments.repository';

export const ATTACHMENT_SEARCH_TYPE = 'attachment';

export const attachmentSearchSource: SearchSource = {
  type: ATTACHMENT_SEARCH_TYPE,
  async load(tx, ids) {
    const rows = await attachmentsForIndex(tx, ids);
    return rows.map((row) => ({
      type: ATTACHMENT_SEARCH_TYPE,
      id: row.id,
      title: row.display_name,
      body: row.text ?? '',
      date: row.added_at.slice(0, 10),
    }));
  },
  allIds: (db, afterId, limit) => attachmentIds(db, afterId, limit),
};
