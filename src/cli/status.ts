import { ConveneError } from '../errors.js';
import type { Command } from './context.js';

// Placeholder until this command lands.
export const command: Command = {
  async run() {
    throw new ConveneError('USAGE', 'status: not available yet');
  },
};
