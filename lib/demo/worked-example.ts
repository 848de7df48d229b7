import type { ScenarioActor } from '../scenario/schema';

/**
 * The worked example of RETENTION.md: the customer of 2015–2022 (actor 1001), who registers on
 * 2015-01-01, pays a fee every 1 January, borrows in 2015, pays a fine in Q3 2022 and cancels in
 * Q4 2022; with the typical settings they are removed completely on 2029-08-10. And actor 1002,
 * an active customer with loan history switched off. The same data as the spec's
 * `seed-example.json`, so the demo library always holds them under these ids.
 */
export const WORKED_EXAMPLE_ACTORS: ScenarioActor[] = [
  {
    otherRoles: [],
    blocks: [
      {
        type: "TMP",
        createdOn: "2022-09-01"
      }
    ],
    credentials: [
      {
        username: "jdevries",
        sipPort: false
      }
    ],
    financial: [
      {
        kind: "membership_fee",
        bookedOn: "2015-01-01",
        amountCents: 2500,
        settled: true
      },
      {
        kind: "membership_fee",
        bookedOn: "2016-01-01",
        amountCents: 2500,
        settled: true
      },
      {
        kind: "membership_fee",
        bookedOn: "2017-01-01",
        amountCents: 2500,
        settled: true
      },
      {
        kind: "membership_fee",
        bookedOn: "2018-01-01",
        amountCents: 2600,
        settled: true
      },
      {
        kind: "membership_fee",
        bookedOn: "2019-01-01",
        amountCents: 2600,
        settled: true
      },
      {
        kind: "membership_fee",
        bookedOn: "2020-01-01",
        amountCents: 2700,
        settled: true
      },
      {
        kind: "membership_fee",
        bookedOn: "2021-01-01",
        amountCents: 2700,
        settled: true
      },
      {
        kind: "membership_fee",
        bookedOn: "2022-01-01",
        amountCents: 2800,
        settled: true
      },
      {
        kind: "fine",
        bookedOn: "2022-08-10",
        amountCents: 350,
        settled: true
      }
    ],
    loans: [
      {
        instanceId: 1,
        itemId: "B-100001",
        loanedOn: "2015-03-10",
        returnedOn: "2015-03-31"
      },
      {
        instanceId: 1,
        itemId: "B-100002",
        loanedOn: "2015-06-02",
        returnedOn: "2015-06-20"
      },
      {
        instanceId: 1,
        itemId: "B-100003",
        loanedOn: "2021-05-04",
        returnedOn: "2021-05-25"
      },
      {
        instanceId: 1,
        itemId: "B-100004",
        loanedOn: "2022-10-01",
        returnedOn: "2022-10-20"
      }
    ],
    actorId: 1001,
    registeredOn: "2015-01-01",
    loanHistoryOptIn: true,
    personal: {
      name: "Jan de Vries",
      street: "Kerkstraat 1",
      postalCode: "4001 AB",
      city: "Tiel",
      district: "Centrum",
      email: "jan.devries@example.org",
      phone: "+31 344 000000"
    },
    roles: [
      {
        instanceId: 1,
        type: "ABON",
        subtype: null,
        status: 9,
        startDate: "2015-01-01",
        endDate: "2022-11-15",
        deregistrationDate: null
      }
    ],
    records: {
      titles_previously_borrowed: [
        {
          date: "2015-03-10"
        },
        {
          date: "2015-06-02"
        },
        {
          date: "2021-05-04"
        },
        {
          date: "2022-10-01"
        }
      ],
      documents: [
        {
          date: "2015-01-01"
        }
      ],
      account_changes: [
        {
          date: "2015-01-01"
        },
        {
          date: "2020-06-01"
        }
      ],
      holds: [
        {
          date: "2021-02-01",
          open: false
        }
      ],
      customer_notifications: [
        {
          date: "2022-10-15"
        }
      ]
    }
  },
  {
    otherRoles: [],
    blocks: [],
    credentials: [
      {
        username: "felamrani",
        sipPort: false
      }
    ],
    financial: [
      {
        kind: "membership_fee",
        bookedOn: "2023-05-01",
        amountCents: 2800,
        settled: true
      }
    ],
    loans: [
      {
        instanceId: 1,
        itemId: "B-200001",
        loanedOn: "2023-01-10",
        returnedOn: "2023-01-31"
      },
      {
        instanceId: 1,
        itemId: "B-200002",
        loanedOn: "2023-12-01",
        returnedOn: "2023-12-20"
      },
      {
        instanceId: 1,
        itemId: "B-200003",
        loanedOn: "2023-12-28",
        returnedOn: null
      }
    ],
    actorId: 1002,
    registeredOn: "2019-05-01",
    loanHistoryOptIn: false,
    personal: {
      name: "Fatima el Amrani",
      street: "Molenweg 12",
      postalCode: "4005 CD",
      city: "Tiel",
      district: "West",
      email: "f.elamrani@example.org",
      phone: null
    },
    roles: [
      {
        instanceId: 1,
        type: "ABON",
        subtype: null,
        status: 1,
        startDate: "2019-05-01",
        endDate: null,
        deregistrationDate: null
      }
    ],
    records: {}
  }
];
