package com.example.orders;

import dev.apojwt.annotation.*;

// consumer-test: Perms
