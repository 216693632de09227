import type { DigestTemplates } from '../config/digest.js';
import { renderText } from '../digest/render.js';
import type { NotesModel } from './build.js';

/** The notes skeleton as Markdown, through templates/notes.md (or the configured override). */
export function renderNotes(model: NotesModel, templates?: DigestTemplates): string {
  return renderText('notes.md', model, templates);
}
