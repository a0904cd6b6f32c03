import type {
  ChangePasswordBody,
  InstanceDto,
  MeDto,
  SessionDto,
  SetupBody,
  SignInBody,
  SignUpBody,
} from '@bullseye/shared';
import { request } from './request.js';

/** The installation, sessions and the signed-in person. */
export const authApi = {
  instance: () => request<InstanceDto>('GET', '/instance'),
  updateInstance: (signupOpen: boolean) => request<InstanceDto>('PATCH', '/instance', { signupOpen }),
  setup: (body: SetupBody) => request<MeDto>('POST', '/setup', body),
  /** Who is signed in, or `me: null`: 200 either way, so a signed-out page logs no refused request. */
  session: () => request<SessionDto>('GET', '/session'),
  signIn: (body: SignInBody) => request<MeDto>('POST', '/session', body),
  signOut: () => request<void>('DELETE', '/session'),
  signUp: (body: SignUpBody) => request<MeDto>('POST', '/signup', body),
  me: () => request<MeDto>('GET', '/me'),
  changePassword: (body: ChangePasswordBody) => request<void>('POST', '/me/password', body),
};
