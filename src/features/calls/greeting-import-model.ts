/**
 * The greeting template of an import (issue 11 point 4): the built-in greeting of the call's language the
 * agent chose (three- or four-part), filled with the profile's name and company for that language when it
 * has them (what the practice screen uses), else with what the agent typed on the Calls screen, else the
 * drill's sample (as on the practice screen and in `voicedrill call`).
 */
import { firstFill, greetingChoice, greetingNeeds, type CallGreetingChoice } from '../../calls/index.ts';
import type { CallPreferences } from '../../services/call-preferences.ts';

/** The profile's name and company for one script language. */
export interface ProfileFill {
  name: string;
  company: string;
}

/** What the import panel shows and the import is given. */
export interface ImportGreeting {
  choice: CallGreetingChoice;
  /** The script as read aloud: emphasis markers removed. */
  shownScript: string;
  /** A field for the name / company: the template uses it and the profile has none. */
  askName: boolean;
  askCompany: boolean;
  /** Some of the fill comes from the profile. */
  fromProfile: boolean;
}

/** The greeting the import scores against, and which fields the panel asks for. */
export function importGreeting(lang: 'zh' | 'en', prefs: Pick<CallPreferences, 'greeting' | 'greetingName' | 'greetingCompany'>, profile: ProfileFill): ImportGreeting {
  const needs = greetingNeeds(lang, prefs.greeting);
  const profileName = firstFill(profile.name);
  const profileCompany = firstFill(profile.company);
  const choice = greetingChoice(lang, prefs.greeting, {
    name: firstFill(profileName, prefs.greetingName),
    company: firstFill(profileCompany, prefs.greetingCompany),
  });
  return {
    choice,
    shownScript: choice.script.replace(/\*/g, ''),
    askName: needs.name && profileName === '',
    askCompany: needs.company && profileCompany === '',
    fromProfile: (needs.name && profileName !== '') || (needs.company && profileCompany !== ''),
  };
}
