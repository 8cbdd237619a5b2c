import { CommandGroup, type Command, type CommandArgs, type CommandContext } from './types.ts';

const KEY_ORDER: readonly CommandGroup[] = Object.values(CommandGroup);

/**
 * The one list of commands of an editor. Lazily loaded code (the canvas
 * keyboard) adds its entries here and takes them out again on dispose.
 */
export class CommandRegistry {
  private readonly commands = new Map<string, Command>();

  constructor(private readonly context: (event?: KeyboardEvent) => CommandContext) {}

  /** Adds commands; the returned function removes them again. */
  register(commands: readonly Command[]): () => void {
    for (const c of commands) {
      if (this.commands.has(c.id)) throw new Error(`Command ${c.id} is registered twice`);
      this.commands.set(c.id, c);
    }
    return () => {
      for (const c of commands) if (this.commands.get(c.id) === c) this.commands.delete(c.id);
    };
  }

  get(id: string): Command | undefined {
    return this.commands.get(id);
  }

  /** The commands of a group, in the order they were registered. */
  list(group: CommandGroup): Command[] {
    return [...this.commands.values()].filter((c) => c.group === group);
  }

  /** Whether the command exists, applies and is enabled right now. */
  enabled(id: string, args: CommandArgs = {}): boolean {
    const command = this.commands.get(id);
    if (!command) return false;
    const c = this.context();
    return (command.predicate?.(c, args) ?? true) && (command.enabled?.(c, args) ?? true);
  }

  /** A toggle's state, undefined for a command that is not a toggle. */
  pressed(id: string): boolean | undefined {
    return this.commands.get(id)?.pressed?.(this.context());
  }

  /** Runs a command from a button or a panel; false when it did not apply. */
  run(id: string, args: CommandArgs = {}): boolean {
    const command = this.commands.get(id);
    if (!command || !this.enabled(id, args)) return false;
    return command.perform(this.context(), args) !== false;
  }

  /** Runs the first command whose keys match; true when the key was used. */
  handleKey(event: KeyboardEvent): boolean {
    const c = this.context(event);
    for (const group of KEY_ORDER) {
      for (const command of this.commands.values()) {
        if (command.group !== group || !command.keyTest?.(event)) continue;
        const args = { event };
        if (command.predicate && !command.predicate(c, args)) continue;
        if (command.perform(c, args) !== false) return true;
      }
    }
    return false;
  }

  /** A command's keys, as `aria-keyshortcuts` spells them. */
  keysOf(id: string): string {
    return this.commands.get(id)?.keys ?? '';
  }
}
