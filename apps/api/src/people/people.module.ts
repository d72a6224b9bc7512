import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { PeopleController } from './people.controller';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';
import { RegistrationController } from './registration.controller';
import { RegistrationService } from './registration.service';

@Module({
  imports: [AuditModule, AuthModule],
  controllers: [PeopleController, RegistrationController],
  providers: [PeopleRepository, PeopleService, RegistrationService],
  exports: [PeopleService],
})
export class PeopleModule {}
