printf 'id,birth,sex,plan,collective,backpay'
i=0; while [ $i -lt 200 ]; do printf ',c%d' $i; i=$((i + 1)); done; echo
printf 'W1,1980-01,female,,,5:1000'
x=$(head -c 6000 /dev/zero | tr '\0' 'x'); i=0; while [ $i -lt 200 ]; do printf ',%s' "$x"; i=$((i + 1)); done; echo
printf 'W2,1980-01,female,,,5:1000'; i=0; while [ $i -lt 200 ]; do printf ','; i=$((i + 1)); done; echo
