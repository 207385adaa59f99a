import { msg, str } from '@lit/localize';
import type { BiasMotivation, IncidentType, PoliceAnswer, ReporterRole } from './report-model.js';
import type { ErrorCode, Field, Step } from './validation.js';

/** Every visible string of the form, translated through @lit/localize. */

export const stepTitle = (step: Step): string =>
  ({
    role: msg('Who are you reporting as?'),
    what: msg('What happened?'),
    where: msg('Where did it happen?'),
    when: msg('When did it happen?'),
    details: msg('Tell us more'),
    contact: msg('Do you want a reply?'),
    review: msg('Check your report and send it'),
  })[step];

export const stepShortName = (step: Step): string =>
  ({
    role: msg('You'),
    what: msg('What'),
    where: msg('Where'),
    when: msg('When'),
    details: msg('Details'),
    contact: msg('Contact'),
    review: msg('Send'),
  })[step];

export const roleLabel = (role: ReporterRole): string =>
  ({
    victim: msg('It happened to me'),
    witness: msg('I saw it happen'),
    'on-behalf': msg('I am reporting for someone else'),
  })[role];

export const incidentTypeLabel = (type: IncidentType): string =>
  ({
    'verbal-abuse': msg('Insults or verbal abuse'),
    threat: msg('Threats'),
    'physical-attack': msg('Physical attack'),
    'property-damage': msg('Damage to property'),
    'graffiti-or-symbols': msg('Graffiti, stickers or hate symbols'),
    'online-hate': msg('Hate online'),
    'discrimination-service': msg('Refused or treated unfairly at an office, shop or service'),
    'discrimination-housing': msg('Discrimination in housing'),
    'discrimination-work': msg('Discrimination at work'),
    other: msg('Something else'),
  })[type];

export const biasLabel = (bias: BiasMotivation): string =>
  ({
    'racism-xenophobia-nationality': msg('Skin colour, origin or nationality'),
    religion: msg('Religion or belief'),
    language: msg('Language or accent'),
    'sexual-orientation': msg('Sexual orientation'),
    'gender-identity': msg('Gender identity'),
    disability: msg('Disability'),
    other: msg('Another reason'),
    unknown: msg('I don’t know'),
  })[bias];

export const policeLabel = (answer: PoliceAnswer): string =>
  ({ yes: msg('Yes'), no: msg('No'), 'not-sure': msg('I’m not sure') })[answer];

export function errorText(field: Field, code: ErrorCode): string {
  switch (code) {
    case 'invalid-date':
      return msg('Enter a real date, for example 24.11.2026.');
    case 'future-date':
      return msg('The date cannot be in the future.');
    case 'invalid-time':
      return msg('Enter a time such as 14:30, or leave it empty.');
    case 'too-long':
      return msg('The description is too long. Please shorten it to 5,000 characters.');
    case 'contact-needed':
      return msg('Give an email address or a phone number, or choose to stay anonymous.');
    case 'invalid-email':
      return msg('Enter an email address like name@example.com.');
    case 'invalid-phone':
      return msg('Enter a phone number using digits, for example +48 600 100 200.');
    case 'required':
      break;
  }
  return (
    {
      reporterRole: msg('Choose who you are reporting as.'),
      incidentTypes: msg('Choose at least one thing that happened.'),
      incidentTypeOther: msg('Say in a few words what else happened.'),
      biasMotivations: msg('Choose at least one reason, or “I don’t know”.'),
      biasMotivationOther: msg('Say in a few words what the other reason was.'),
      placeKind: msg('Choose whether it happened online or in a place.'),
      url: msg('Give the link, or the name of the website or app.'),
      placeDescription: msg('Describe the place, for example a street or a tram stop.'),
      occurredOn: msg('Enter the date it happened.'),
      occurredAt: msg('Enter a time such as 14:30, or leave it empty.'),
      description: msg('Describe what happened.'),
      reportedToPolice: msg('Say whether you told the police.'),
      contact: msg('Give an email address or a phone number, or choose to stay anonymous.'),
      email: msg('Enter an email address like name@example.com.'),
      phone: msg('Enter a phone number using digits, for example +48 600 100 200.'),
      consent: msg('To send the report, agree to how the city will use it.'),
    } satisfies Record<Field, string>
  )[field];
}

export const text = {
  intro: () =>
    msg(
      'You can report without giving your name. It takes about 5 minutes. Your answers stay in this browser tab until you send them.',
    ),
  stepOf: (current: number, total: number) => msg(str`Step ${current} of ${total}`),
  steps: () => msg('Steps of the form'),
  done: () => msg('done'),
  chooseAll: () => msg('Choose all that apply.'),
  biasQuestion: () => msg('Why do you think it happened?'),
  otherWhat: () => msg('What else happened?'),
  otherWhy: () => msg('What was the other reason?'),
  online: () => msg('Online: a website, social media or a messaging app'),
  offline: () => msg('In a place: a street, a building, public transport'),
  url: () => msg('Link, or name of the website or app'),
  placeDescription: () => msg('Describe the place'),
  placeHint: () => msg('For example: street and number, tram stop, name of the shop or office.'),
  district: () => msg('District (optional)'),
  noDistrict: () => msg('I don’t know / not in Kraków'),
  addLocation: () => msg('Add my current location (optional)'),
  locationAdded: () => msg('Your location was added, rounded to about 100 metres.'),
  removeLocation: () => msg('Remove location'),
  locationFailed: () => msg('Your location could not be found. You can describe the place instead.'),
  date: () => msg('Date'),
  time: () => msg('Time (optional)'),
  timeHint: () => msg('If you remember it, roughly.'),
  description: () => msg('What happened?'),
  descriptionHint: () =>
    msg('Write in your own words, in any language. If words or symbols were used, you can quote them.'),
  charactersLeft: (count: number) => msg(str`${count} characters left`),
  police: () => msg('Have you told the police?'),
  contactQuestion: () => msg('Can the city’s team contact you about this report?'),
  stayAnonymous: () => msg('No, I want to stay anonymous'),
  allowContact: () => msg('Yes, you can contact me'),
  anonymousNote: () =>
    msg('Nothing that identifies you is sent. You will get a reference number to quote if you call.'),
  name: () => msg('Your name (optional)'),
  email: () => msg('Email'),
  phone: () => msg('Phone'),
  contactHint: () => msg('Give an email address or a phone number, or both.'),
  replyLanguage: () => msg('Language for the reply'),
  change: () => msg('Change'),
  notGiven: () => msg('Not given'),
  anonymousAnswer: () => msg('Anonymous'),
  consent: () =>
    msg(
      'I agree that the city uses this report, including sensitive information such as origin, religion, sexual orientation or health, to respond to the incident and to keep statistics.',
    ),
  privacyLink: () => msg('How the city uses and protects your report (opens in a new tab)'),
  privacyFallback: () =>
    msg(
      'The city uses your report only to respond to incidents and to keep anonymous statistics. Only authorised staff can read it. It is deleted after the retention period. You can withdraw your consent at any time.',
    ),
  back: () => msg('Back'),
  continue: () => msg('Continue'),
  send: () => msg('Send report'),
  sending: () => msg('Sending…'),
  problem: () => msg('There is a problem'),
  rejected: (reason: string) => msg(str`The report was not accepted: ${reason}`),
  sentTitle: () => msg('Your report has been sent'),
  reference: () => msg('Your reference number'),
  referenceHint: () => msg('Write it down. Quote it if you contact the city about this report.'),
  nextTitle: () => msg('What happens next'),
  nextAnonymous: () =>
    msg(
      'The city’s team reads every report. Reports help them remove hate graffiti, support people and plan action against discrimination.',
    ),
  nextContact: () => msg('The city’s team reads every report and will contact you in the language you chose.'),
  supportTitle: () => msg('Where to get support'),
  supportEmergency: (number: string) => msg(str`In an emergency: call ${number}.`),
  supportPolice: (number: string) =>
    msg(str`To report a crime to the police: call ${number} or go to any police station.`),
  supportHelp: () => msg('For free legal and psychological help, ask the city’s contact point for foreigners.'),
  another: () => msg('Report another incident'),
  queuedTitle: () => msg('Your report is saved and will be sent'),
  queuedText: () =>
    msg(
      'We could not reach the city’s server right now. Your report is saved on this device until it is sent. We will keep trying, also when you come back to this page.',
    ),
  tryNow: () => msg('Try to send now'),
  discard: () => msg('Delete the saved report'),
  honeypot: () => msg('Leave this field empty'),
  errorPrefix: () => msg('Error:'),
  today: () => msg('Today'),
  yesterday: () => msg('Yesterday'),
  dateHint: () => msg('If you are not sure, give the closest date.'),
  reviewDescription: () => msg('Description'),
};
