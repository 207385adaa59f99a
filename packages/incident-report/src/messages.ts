import { msg, str } from '@lit/localize';
import { getLocale, numberFormat } from '@open-city/core';
import type { ImageProblem } from './evidence.js';
import type {
  BiasMotivation,
  IncidentType,
  InjuryAnswer,
  OtherRecipient,
  PerpetratorCount,
  PoliceAnswer,
  ReporterRole,
  Target,
} from './report-model.js';
import type { ErrorCode, Field, Step } from './validation.js';
import type { WithdrawalOutcome } from './withdrawal-state.js';

/** Every visible string of the form, translated through @lit/localize. */

/** A count in the page language's own digits (Persian ۱۲۳, Latin elsewhere), as Intl writes it. */
const count = (value: number): string => numberFormat(getLocale()).format(value);

export const stepTitle = (step: Step): string =>
  ({
    role: msg('Who are you reporting as?'),
    what: msg('What happened?'),
    where: msg('Where did it happen?'),
    when: msg('When did it happen?'),
    details: msg('Tell us more'),
    evidence: msg('Photos or screenshots'),
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
    evidence: msg('Photos'),
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

/** The incident types in short groups, so that a phone shows a few lines until one is opened. */
export const incidentGroups = [
  ['words', ['verbal-abuse', 'threat', 'online-hate']],
  ['violence', ['physical-attack', 'property-damage', 'graffiti-or-symbols']],
  ['unfair', ['discrimination-service', 'discrimination-housing', 'discrimination-work']],
] as const satisfies ReadonlyArray<readonly [string, readonly IncidentType[]]>;

export type IncidentGroup = (typeof incidentGroups)[number][0];

export const incidentGroupLabel = (group: IncidentGroup): string =>
  ({
    words: msg('Words: insults, threats, hate online'),
    violence: msg('Violence, damage or hate symbols'),
    unfair: msg('Treated unfairly (discrimination)'),
  })[group];

/** The OSCE/ODIHR bias categories, in plain words. */
export const biasLabel = (bias: BiasMotivation): string =>
  ({
    'racism-xenophobia-nationality': msg('Racism or xenophobia: skin colour, origin, nationality or language'),
    antisemitism: msg('Antisemitism: against Jewish people'),
    'anti-muslim': msg('Against Muslims'),
    'anti-christian-other-religions': msg('Against Christians or people of another religion'),
    'anti-roma-sinti': msg('Against Roma or Sinti'),
    'anti-lgbti': msg('Against LGBTI people: sexual orientation or gender identity'),
    'gender-based': msg('Because of gender, for example against women'),
    disability: msg('Disability'),
    other: msg('Another reason'),
    unknown: msg('I don’t know'),
  })[bias];

export const targetLabel = (target: Target): string =>
  ({
    me: msg('Me'),
    'another-person': msg('Another person'),
    group: msg('A group of people'),
    property: msg('Property, such as a home, a car or a shop'),
    'place-of-worship-or-community-centre': msg('A place of worship or a community centre'),
    'online-community': msg('An online group or community'),
  })[target];

export const injuryLabel = (answer: InjuryAnswer): string =>
  ({
    none: msg('No'),
    minor: msg('Yes, slightly'),
    'needed-medical-help': msg('Yes, and needed medical help'),
  })[answer];

export const perpetratorCountLabel = (count: PerpetratorCount): string =>
  ({
    one: msg('One person'),
    'two-or-three': msg('2 or 3 people'),
    'four-or-more': msg('4 or more people'),
    unknown: msg('I don’t know'),
  })[count];

export const recipientLabel = (to: OtherRecipient): string =>
  ({
    organisation: msg('Another organisation, for example an NGO'),
    platform: msg('The website or app where it happened'),
  })[to];

/** Why a chosen file was not added (`name`: the file's name, as the person's device gave it). */
export function imageProblemText(problem: ImageProblem | 'lost', name: string): string {
  switch (problem) {
    case 'type':
      return msg(str`${name}: this kind of file cannot be added. Choose a JPEG, PNG or WebP image.`);
    case 'too-big':
      return msg(str`${name}: this file is too big. Choose an image smaller than 25 MB.`);
    case 'too-many':
      return msg(str`${name} was not added: you can send at most 5 images.`);
    case 'storage':
      return msg(str`${name} could not be kept on this device. Try again, or send the report without it.`);
    case 'lost':
      return msg('An image you added earlier is no longer on this device. Add it again if you want to send it.');
    case 'unreadable':
      break;
  }
  return msg(str`${name}: this image could not be opened. Try another one.`);
}

export const withdrawalText = (outcome: WithdrawalOutcome): string =>
  ({
    missing: msg('Enter the reference number and the code.'),
    shape: msg('The code has 16 letters and digits in 4 groups, for example 7K3M-Q9XP-2HVD-8RTW.'),
    withdrawn: msg('Your report was withdrawn and deleted, with its images.'),
    'not-found': msg('No report matches this reference number and code. Check both and try again.'),
    failed: msg('The report could not be withdrawn right now. Please try again later.'),
  })[outcome];

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
  stepOf: (current: number, total: number) => msg(str`Step ${count(current)} of ${count(total)}`),
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
  charactersLeft: (left: number) => msg(str`${count(left)} characters left`),
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
  targetQuestion: () => msg('Who or what was targeted? (optional)'),
  chosenCount: (chosen: number) => msg(str`chosen: ${count(chosen)}`),
  policeReference: () => msg('Police reference number (optional)'),
  moreTitle: () => msg('More questions (optional)'),
  moreHint: () => msg('The answers help the city’s team to understand what happened. Answer only what you want to.'),
  injuriesQuestion: () => msg('Was anyone hurt?'),
  witnessesQuestion: () => msg('Did anyone else see it?'),
  witnessesContactQuestion: () => msg('May the city’s team contact them through you?'),
  witnessesContactHint: () =>
    msg('Only if you leave your contact details at the next steps. Do not write their names here.'),
  perpetratorsQuestion: () => msg('Who did it?'),
  perpetratorCount: () => msg('How many people did it?'),
  perpetratorKnownVictim: () => msg('Did you know them?'),
  perpetratorKnownOther: () => msg('Did the person targeted know them?'),
  perpetratorDescription: () => msg('What can you say about them? (optional)'),
  perpetratorHint: () =>
    msg('For example their age, clothes, a uniform or a group they belonged to. Only what you saw or heard.'),
  elsewhereQuestion: () => msg('Did you also report it somewhere else?'),
  organisationName: () => msg('Name of the organisation (optional)'),
  organisationReference: () => msg('Their reference number (optional)'),
  platformReference: () => msg('Reference number the website or app gave you (optional)'),
  clearAnswer: () => msg('Clear this answer'),
  evidenceIntro: () =>
    msg(
      'If you have photos or screenshots, for example of graffiti or of a post with its web address, you can add up to 5. This is optional.',
    ),
  evidencePrivacy: () =>
    msg(
      'Each image is copied without its hidden data (such as where and when it was taken, or the phone’s model) before it leaves this device.',
    ),
  addImage: () => msg('Add a photo or screenshot'),
  imagesFull: () => msg('You have added 5 images, the most you can send.'),
  preparingImage: () => msg('Preparing the image…'),
  imageNumber: (position: number, total: number) => msg(str`Image ${count(position)} of ${count(total)}`),
  altLabel: () => msg('What does it show? (optional)'),
  altHint: () =>
    msg(
      'A few words, for example “Swastika on the tram shelter”. This helps the city’s team and people who use screen readers.',
    ),
  moveUp: () => msg('Move up'),
  moveDown: () => msg('Move down'),
  remove: () => msg('Remove'),
  imageAdded: (images: number) => msg(str`Image added. Images: ${count(images)} of 5.`),
  imageRemoved: () => msg('Image removed.'),
  imageMoved: (position: number) => msg(str`Image moved to position ${count(position)}.`),
  noImages: () => msg('None'),
  reviewTargets: () => msg('Who or what was targeted'),
  reviewMore: () => msg('More about it'),
  reviewElsewhere: () => msg('Reported elsewhere'),
  reviewPolice: () => msg('The police'),
  reviewImages: () => msg('Photos or screenshots'),
  witnessesYes: () => msg('There were witnesses'),
  witnessesNo: () => msg('No witnesses'),
  deletionCode: () => msg('Your code to withdraw the report'),
  deletionCodeHint: () =>
    msg('Keep this to withdraw your report. Write it down with the reference number: it is shown only here.'),
  queuedCode: () => msg('Your code to withdraw the report once it has been sent'),
  withdrawLater: () =>
    msg('To withdraw the report later, open this form again and choose “Withdraw a report you sent”.'),
  supportLink: () => msg('Free help and advice after hate or discrimination (opens in a new tab)'),
  supportCall: () => msg('Help and advice by phone:'),
  withdrawTitle: () => msg('Withdraw a report you sent'),
  withdrawIntro: () =>
    msg(
      'Give the reference number and the code you were shown after sending. The report and its images will be deleted.',
    ),
  withdrawReference: () => msg('Reference number'),
  withdrawCode: () => msg('Code to withdraw the report'),
  withdrawButton: () => msg('Withdraw and delete the report'),
  withdrawing: () => msg('Withdrawing…'),
};
