import { Finding } from '../rules/finding';

/**
 * A finding about one resource of a template.
 *
 * The template checker CLI also reports what it finds while reading a template file (a YAML key
 * repeated in one mapping, rule `template-duplicate-key`). Such a finding inside `Resources` names
 * the resource, and its `path` starts at the resource (`Properties.Handler`, `Metadata.Info`) rather
 * than inside `Properties`; outside `Resources`, `resource` is the top-level section
 * (`Mappings`, `Parameters`, `Outputs`, ...) and `path` starts inside it.
 */
export interface TemplateFinding extends Finding {
  /**
   * The logical ID of the resource the finding is about, or the top-level template section
   * (`Mappings`, `Outputs`, ...) of a finding made while reading a template outside `Resources`.
   */
  readonly resource: string;
}
