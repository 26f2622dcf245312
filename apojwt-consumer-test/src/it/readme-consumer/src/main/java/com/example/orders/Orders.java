package com.example.orders;

import dev.apojwt.*;
import dev.apojwt.annotation.*;
import java.util.*;
import java.util.concurrent.*;

// consumer-test: Orders
