/** What a scenario is: its neurons (real processes and scripted adversaries), chain settings, hooks and targets. */
import type { ModelQuality } from './models.ts';
import type { ScenarioFigures } from './figures.ts';

/** One neuron of the scenario's genesis, in registration (uid) order. */
export interface NeuronDef {
  /** Unique name: wallet name, log file name. */
  name: string;
  /** Figures aggregate by actor (e.g. `copier`, `victim`, `sybil`). */
  actor: string;
  role: 'miner' | 'validator';
  stakeTao?: number;
  /** Registered with a validator permit in genesis. */
  permit?: boolean;
  /** Honest miner: the checkpoint it serves with `--model-dir`. */
  model?: ModelQuality;
  /** Honest validator: runs `arena validator`. */
  honest?: boolean;
  /** Neurons sharing a process (sybils): all but the first are served by the first's process. */
  processOf?: string;
}

/** An adversary process: a script under sim/adversaries/ with its JSON argument. */
export interface AdversaryDef {
  name: string;
  script: 'copier' | 'sybil' | 'probe' | 'validator';
  /** Neuron names whose hotkeys it acts through. */
  neurons: string[];
  /** Extra fields of its JSON argument; `hotkeyOf(name)` and `reportUrls` are resolved at start. */
  args: (ctx: {
    hotkeyOf: (name: string) => string;
    reportUrls: string[];
    models: Record<ModelQuality, string>;
    tempo: number;
    commitReveal: boolean;
  }) => Record<string, unknown>;
}

/** Chain settings of a scenario. */
export interface ChainDef {
  commitReveal?: boolean;
  /** Miner caller floor / weights threshold (`StakeThreshold`), TAO; default 100. */
  stakeThresholdTao?: number;
}

/** What a hook can do while the scenario runs. */
export interface ScenarioControl {
  /** Points an honest miner's model directory at another checkpoint (it reloads by itself). */
  switchModel(neuron: string, to: ModelQuality): void;
  stopNeuron(neuron: string): Promise<void>;
  startNeuron(neuron: string): void;
  note(text: string): void;
}

/** One target checked on the figures. */
export interface TargetResult {
  name: string;
  target: string;
  /** The measured figure, as text (with units). */
  figure: string;
  value: number;
  met: boolean;
}

/** A scenario. */
export interface ScenarioDef {
  name: string;
  title: string;
  description: string;
  chain?: ChainDef;
  neurons: NeuronDef[];
  adversaries?: AdversaryDef[];
  /** Share of miner emission each actor would earn if everyone were honest (prize schedule). */
  honestExpectation: Record<string, number>;
  /** Called after each measured epoch (1-based). */
  onEpoch?: (epoch: number, control: ScenarioControl) => Promise<void> | void;
  targets: (f: ScenarioFigures) => TargetResult[];
  /** Parameters the figures depend on (noise levels etc.), printed with them. */
  parameters?: Record<string, unknown>;
}
